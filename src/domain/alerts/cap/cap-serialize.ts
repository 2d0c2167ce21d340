/**
 * CAP 1.2 serializer: turns a {@link CapAlert} into a UTF-8 XML document in the CAP 1.2 namespace,
 * with the elements in the order of the official schema (CAP-v1.2.xsd). Optional fields that are
 * undefined are omitted; empty arrays produce no elements. Text is escaped; nothing is pretty-printed
 * inside text content, so a parse → serialize → parse round trip preserves every field.
 */
import type { CapAlert, CapArea, CapInfo, CapNamedValue, CapResource } from './cap-model';
import { CAP_NAMESPACE } from './cap-model';
import { escapeXmlText } from './cap-xml-text';

/** Writes an xs:decimal / xs:integer without exponent notation. */
export function formatCapNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Math.abs(n) >= 1) return BigInt(Math.round(n)).toString();
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

class Writer {
  private readonly parts: string[] = [];
  constructor(private readonly indent: string) {}
  open(name: string, depth: number, attrs = ''): void {
    this.parts.push(`${this.indent.repeat(depth)}<${name}${attrs}>\n`);
  }
  close(name: string, depth: number): void {
    this.parts.push(`${this.indent.repeat(depth)}</${name}>\n`);
  }
  leaf(name: string, value: string | number | undefined, depth: number): void {
    if (value === undefined) return;
    const text = typeof value === 'number' ? formatCapNumber(value) : escapeXmlText(value);
    this.parts.push(`${this.indent.repeat(depth)}<${name}>${text}</${name}>\n`);
  }
  pairs(name: string, list: CapNamedValue[] | undefined, depth: number): void {
    for (const p of list ?? []) {
      this.open(name, depth);
      this.leaf('valueName', p.valueName, depth + 1);
      this.leaf('value', p.value, depth + 1);
      this.close(name, depth);
    }
  }
  toString(): string {
    return this.parts.join('');
  }
  raw(s: string): void {
    this.parts.push(s);
  }
}

function writeResource(w: Writer, r: CapResource, d: number): void {
  w.open('resource', d);
  w.leaf('resourceDesc', r.resourceDesc, d + 1);
  w.leaf('mimeType', r.mimeType, d + 1);
  w.leaf('size', r.size, d + 1);
  w.leaf('uri', r.uri, d + 1);
  w.leaf('derefUri', r.derefUri, d + 1);
  w.leaf('digest', r.digest, d + 1);
  w.close('resource', d);
}

function writeArea(w: Writer, a: CapArea, d: number): void {
  w.open('area', d);
  w.leaf('areaDesc', a.areaDesc, d + 1);
  for (const p of a.polygon ?? []) w.leaf('polygon', p, d + 1);
  for (const c of a.circle ?? []) w.leaf('circle', c, d + 1);
  w.pairs('geocode', a.geocode, d + 1);
  w.leaf('altitude', a.altitude, d + 1);
  w.leaf('ceiling', a.ceiling, d + 1);
  w.close('area', d);
}

function writeInfo(w: Writer, info: CapInfo, d: number): void {
  w.open('info', d);
  const c = d + 1;
  w.leaf('language', info.language, c);
  for (const cat of info.category ?? []) w.leaf('category', cat, c);
  w.leaf('event', info.event, c);
  for (const rt of info.responseType ?? []) w.leaf('responseType', rt, c);
  w.leaf('urgency', info.urgency, c);
  w.leaf('severity', info.severity, c);
  w.leaf('certainty', info.certainty, c);
  w.leaf('audience', info.audience, c);
  w.pairs('eventCode', info.eventCode, c);
  w.leaf('effective', info.effective, c);
  w.leaf('onset', info.onset, c);
  w.leaf('expires', info.expires, c);
  w.leaf('senderName', info.senderName, c);
  w.leaf('headline', info.headline, c);
  w.leaf('description', info.description, c);
  w.leaf('instruction', info.instruction, c);
  w.leaf('web', info.web, c);
  w.leaf('contact', info.contact, c);
  w.pairs('parameter', info.parameter, c);
  for (const r of info.resource ?? []) writeResource(w, r, c);
  for (const a of info.area ?? []) writeArea(w, a, c);
  w.close('info', d);
}

/**
 * Serializes a CAP alert as a CAP 1.2 XML document (UTF-8, with XML declaration, 2-space indent).
 * The element order follows the official schema. The function does not validate: run
 * `validateCapAlert` first when the input is not known to be valid.
 */
export function serializeCapAlert(alert: CapAlert): string {
  const w = new Writer('  ');
  w.raw('<?xml version="1.0" encoding="UTF-8"?>\n');
  w.open('alert', 0, ` xmlns="${CAP_NAMESPACE}"`);
  w.leaf('identifier', alert.identifier, 1);
  w.leaf('sender', alert.sender, 1);
  w.leaf('sent', alert.sent, 1);
  w.leaf('status', alert.status, 1);
  w.leaf('msgType', alert.msgType, 1);
  w.leaf('source', alert.source, 1);
  w.leaf('scope', alert.scope, 1);
  w.leaf('restriction', alert.restriction, 1);
  w.leaf('addresses', alert.addresses, 1);
  for (const code of alert.code ?? []) w.leaf('code', code, 1);
  w.leaf('note', alert.note, 1);
  w.leaf('references', alert.references, 1);
  w.leaf('incidents', alert.incidents, 1);
  for (const info of alert.info ?? []) writeInfo(w, info, 1);
  w.close('alert', 0);
  return w.toString();
}
