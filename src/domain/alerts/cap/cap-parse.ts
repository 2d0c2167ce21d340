/**
 * CAP parser: untrusted XML → {@link CapAlert}. Hostile constructs (DOCTYPE, entities, XInclude,
 * processing instructions, oversize bodies) are refused before any XML parsing (see xml-safe-read.ts).
 * The element tree is then checked against the structure of the official CAP 1.2 schema (order,
 * cardinality, unknown elements) and mapped to the model. Strict mode (default) accepts only CAP 1.2
 * and fails on structure errors; lenient mode (ingest) also reads CAP 1.1 and 1.0 and returns structure
 * problems as issues in `warnings` (severity "error" still means the document is not schema-valid).
 * Value checks (enumerations, times, numbers, section-3 rules) are done by `validateCapAlert`.
 */
import type { CapAlert, CapArea, CapInfo, CapNamedValue, CapResource } from './cap-model';
import { CAP_NAMESPACE } from './cap-model';
import type { CapIssue } from './cap-issues';
import { makeIssue } from './cap-issues';
import type { XmlElement } from './xml-safe-read';
import { DEFAULT_MAX_BYTES, readXmlSafely } from './xml-safe-read';

export type { CapIssue } from './cap-issues';

export type CapVersion = '1.2' | '1.1' | '1.0';

export const CAP_NAMESPACES: Record<string, CapVersion> = {
  [CAP_NAMESPACE]: '1.2',
  'urn:oasis:names:tc:emergency:cap:1.1': '1.1',
  'http://www.incident.com/cap/1.0': '1.0',
};

export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

export interface CapParseOptions {
  /** Accept CAP 1.1 / 1.0 and structure errors (reported in warnings). Default false. */
  lenient?: boolean;
  /** Largest accepted document in bytes (default 2 MiB). */
  maxBytes?: number;
}

export type CapParseResult =
  | { ok: true; alert: CapAlert; version: CapVersion; warnings: CapIssue[] }
  | { ok: false; rejected: boolean; issues: CapIssue[] };

type Occurs = [min: number, max: number];
const ONE: Occurs = [1, 1];
const OPT: Occurs = [0, 1];
const MANY: Occurs = [0, Infinity];
const SOME: Occurs = [1, Infinity];

const ALERT_SEQ: [string, Occurs][] = [
  ['identifier', ONE], ['sender', ONE], ['sent', ONE], ['status', ONE], ['msgType', ONE], ['source', OPT],
  ['scope', ONE], ['restriction', OPT], ['addresses', OPT], ['code', MANY], ['note', OPT], ['references', OPT],
  ['incidents', OPT], ['info', MANY],
];
const INFO_SEQ: [string, Occurs][] = [
  ['language', OPT], ['category', SOME], ['event', ONE], ['responseType', MANY], ['urgency', ONE], ['severity', ONE],
  ['certainty', ONE], ['audience', OPT], ['eventCode', MANY], ['effective', OPT], ['onset', OPT], ['expires', OPT],
  ['senderName', OPT], ['headline', OPT], ['description', OPT], ['instruction', OPT], ['web', OPT], ['contact', OPT],
  ['parameter', MANY], ['resource', MANY], ['area', MANY],
];
const RESOURCE_SEQ: [string, Occurs][] = [
  ['resourceDesc', ONE], ['mimeType', ONE], ['size', OPT], ['uri', OPT], ['derefUri', OPT], ['digest', OPT],
];
const AREA_SEQ: [string, Occurs][] = [
  ['areaDesc', ONE], ['polygon', MANY], ['circle', MANY], ['geocode', MANY], ['altitude', OPT], ['ceiling', OPT],
];
const PAIR_SEQ: [string, Occurs][] = [['valueName', ONE], ['value', ONE]];

const seqIndexes = new WeakMap<[string, Occurs][], Map<string, number>>();
/** Position of each element name in a schema sequence (computed once per sequence). */
function indexOf(seq: [string, Occurs][]): Map<string, number> {
  let m = seqIndexes.get(seq);
  if (!m) {
    m = new Map(seq.map(([name], i) => [name, i]));
    seqIndexes.set(seq, m);
  }
  return m;
}

class Reader {
  readonly issues: CapIssue[] = [];
  constructor(
    readonly ns: string,
    readonly version: CapVersion,
  ) {}

  private issue(code: string, path: string, message: string): void {
    this.issues.push(makeIssue(code, 'structure', path, message));
  }

  private checkAttributes(el: XmlElement, path: string): void {
    for (const a of el.attrs) {
      if (a.ns === XMLNS_NAMESPACE || a.qname === 'xmlns' || a.qname.startsWith('xmlns:') || a.ns === XSI_NAMESPACE) continue;
      this.issue('CAP_UNEXPECTED_ATTRIBUTE', path, `attribute "${a.qname}" is not allowed on <${el.local}>`);
    }
  }

  /** Checks children against a schema sequence; returns the CAP children grouped by name. */
  sequence(el: XmlElement, path: string, seq: [string, Occurs][], allowSignature = false): Map<string, XmlElement[]> {
    this.checkAttributes(el, path);
    if (el.text.trim() !== '') this.issue('CAP_UNEXPECTED_TEXT', path, `<${el.local}> holds text outside its child elements`);
    const found = new Map<string, XmlElement[]>();
    let pos = 0;
    let count = 0;
    let afterSignature = false;
    for (const child of el.children) {
      if (allowSignature && child.ns === XMLDSIG_NAMESPACE) {
        afterSignature = true;
        continue;
      }
      const idx = child.ns === this.ns ? (indexOf(seq).get(child.local) ?? -1) : -1;
      if (this.version === '1.0' && child.ns === this.ns && child.local === 'password') continue;
      if (idx < 0) {
        const where = child.ns === this.ns ? '' : ` (namespace "${child.ns}")`;
        this.issue('CAP_UNKNOWN_ELEMENT', `${path}/${child.local}`, `<${child.qname}>${where} is not allowed in <${el.local}>`);
        continue;
      }
      const [name, [, max]] = seq[idx] as [string, Occurs];
      const list = found.get(name) ?? [];
      list.push(child);
      found.set(name, list);
      if (afterSignature) {
        this.issue('CAP_ELEMENT_ORDER', `${path}/${name}`, `<${name}> comes after the signature`);
      } else if (idx < pos) {
        this.issue('CAP_ELEMENT_ORDER', `${path}/${name}`, `<${name}> is out of schema order in <${el.local}>`);
      } else if (idx === pos) {
        count++;
        if (count > max) this.issue('CAP_DUPLICATE_ELEMENT', `${path}/${name}`, `<${name}> may occur only once`);
      } else {
        pos = idx;
        count = 1;
      }
    }
    for (const [name, [min]] of seq) {
      if (min > 0 && !found.has(name)) {
        if (this.version !== '1.2' && name === 'mimeType') continue;
        this.issue('CAP_MISSING_ELEMENT', `${path}/${name}`, `<${el.local}> requires <${name}>`);
      }
    }
    return found;
  }

  /** Text of a simple element (first occurrence); undefined when absent. */
  text(found: Map<string, XmlElement[]>, name: string, path: string, collapse = false): string | undefined {
    const el = found.get(name)?.[0];
    return el === undefined ? undefined : this.leaf(el, `${path}/${name}`, collapse);
  }

  texts(found: Map<string, XmlElement[]>, name: string, path: string, collapse = false): string[] {
    return (found.get(name) ?? []).map((el, i) => this.leaf(el, `${path}/${name}[${i}]`, collapse));
  }

  leaf(el: XmlElement, path: string, collapse: boolean): string {
    this.checkAttributes(el, path);
    if (el.children.length > 0) this.issue('CAP_UNEXPECTED_CHILD', path, `<${el.local}> must hold text only`);
    return collapse ? el.text.replace(/[\t\n\r ]+/g, ' ').trim() : el.text;
  }

  pairs(found: Map<string, XmlElement[]>, name: string, path: string): CapNamedValue[] {
    return (found.get(name) ?? []).map((el, i) => {
      const p = `${path}/${name}[${i}]`;
      if (this.version === '1.0' && el.children.length === 0) {
        const raw = el.text.trim();
        const eq = raw.indexOf('=');
        return eq < 0 ? { valueName: '', value: raw } : { valueName: raw.slice(0, eq), value: raw.slice(eq + 1) };
      }
      const f = this.sequence(el, p, PAIR_SEQ);
      return { valueName: this.text(f, 'valueName', p) ?? '', value: this.text(f, 'value', p) ?? '' };
    });
  }
}

const INTEGER_RE = /^[+-]?\d+$/;
const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function toNumber(s: string | undefined, re: RegExp): number | undefined {
  if (s === undefined) return undefined;
  return re.test(s) ? Number(s) : Number.NaN;
}

function setIf<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}

function readResource(r: Reader, el: XmlElement, path: string): CapResource {
  const f = r.sequence(el, path, RESOURCE_SEQ);
  const res = { resourceDesc: r.text(f, 'resourceDesc', path), mimeType: r.text(f, 'mimeType', path) } as CapResource;
  setIf(res, 'size', toNumber(r.text(f, 'size', path, true), INTEGER_RE));
  setIf(res, 'uri', r.text(f, 'uri', path, true));
  setIf(res, 'derefUri', r.text(f, 'derefUri', path));
  setIf(res, 'digest', r.text(f, 'digest', path));
  return res;
}

function readArea(r: Reader, el: XmlElement, path: string): CapArea {
  const f = r.sequence(el, path, AREA_SEQ);
  const area = {
    areaDesc: r.text(f, 'areaDesc', path),
    polygon: r.texts(f, 'polygon', path),
    circle: r.texts(f, 'circle', path),
    geocode: r.pairs(f, 'geocode', path),
  } as CapArea;
  setIf(area, 'altitude', toNumber(r.text(f, 'altitude', path, true), DECIMAL_RE));
  setIf(area, 'ceiling', toNumber(r.text(f, 'ceiling', path, true), DECIMAL_RE));
  return area;
}

function readInfo(r: Reader, el: XmlElement, path: string): CapInfo {
  const f = r.sequence(el, path, INFO_SEQ);
  const info = {} as CapInfo;
  setIf(info, 'language', r.text(f, 'language', path, true));
  info.category = r.texts(f, 'category', path) as CapInfo['category'];
  info.event = r.text(f, 'event', path) as string;
  info.responseType = r.texts(f, 'responseType', path) as CapInfo['responseType'];
  info.urgency = r.text(f, 'urgency', path) as CapInfo['urgency'];
  info.severity = r.text(f, 'severity', path) as CapInfo['severity'];
  info.certainty = r.text(f, 'certainty', path) as CapInfo['certainty'];
  setIf(info, 'audience', r.text(f, 'audience', path));
  info.eventCode = r.pairs(f, 'eventCode', path);
  setIf(info, 'effective', r.text(f, 'effective', path, true));
  setIf(info, 'onset', r.text(f, 'onset', path, true));
  setIf(info, 'expires', r.text(f, 'expires', path, true));
  for (const k of ['senderName', 'headline', 'description', 'instruction'] as const) setIf(info, k, r.text(f, k, path));
  setIf(info, 'web', r.text(f, 'web', path, true));
  setIf(info, 'contact', r.text(f, 'contact', path));
  info.parameter = r.pairs(f, 'parameter', path);
  info.resource = (f.get('resource') ?? []).map((e, i) => readResource(r, e, `${path}/resource[${i}]`));
  info.area = (f.get('area') ?? []).map((e, i) => readArea(r, e, `${path}/area[${i}]`));
  // Drop keys whose element was absent so the object matches what the serializer writes.
  for (const k of Object.keys(info) as (keyof CapInfo)[]) if (info[k] === undefined) delete info[k];
  return info;
}

/** Maps a CAP <alert> element (any supported version) to the model, collecting structure issues. */
export function readCapAlertElement(root: XmlElement, version: CapVersion): { alert: CapAlert; issues: CapIssue[] } {
  const r = new Reader(root.ns, version);
  const path = '/alert';
  const f = r.sequence(root, path, ALERT_SEQ, true);
  const alert = {} as CapAlert;
  alert.identifier = r.text(f, 'identifier', path) as string;
  alert.sender = r.text(f, 'sender', path) as string;
  alert.sent = r.text(f, 'sent', path, true) as string;
  alert.status = r.text(f, 'status', path) as CapAlert['status'];
  alert.msgType = r.text(f, 'msgType', path) as CapAlert['msgType'];
  setIf(alert, 'source', r.text(f, 'source', path));
  alert.scope = r.text(f, 'scope', path) as CapAlert['scope'];
  setIf(alert, 'restriction', r.text(f, 'restriction', path));
  setIf(alert, 'addresses', r.text(f, 'addresses', path));
  alert.code = r.texts(f, 'code', path);
  setIf(alert, 'note', r.text(f, 'note', path));
  setIf(alert, 'references', r.text(f, 'references', path));
  setIf(alert, 'incidents', r.text(f, 'incidents', path));
  alert.info = (f.get('info') ?? []).map((e, i) => readInfo(r, e, `${path}/info[${i}]`));
  for (const k of Object.keys(alert) as (keyof CapAlert)[]) if (alert[k] === undefined) delete alert[k];
  return { alert, issues: r.issues };
}

/**
 * Parses a CAP document. Never throws: hostile or broken input comes back as `{ ok: false }` with
 * coded issues (`rejected: true` when it was refused before parsing, e.g. DOCTYPE or oversize).
 */
export function parseCapXml(xml: string | Buffer | Uint8Array, opts: CapParseOptions = {}): CapParseResult {
  const lenient = opts.lenient === true;
  try {
    const read = readXmlSafely(xml, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, allowStylesheetPi: lenient });
    if (!read.ok) return read;
    const { root } = read;
    const warnings = [...read.warnings];
    if (root.local !== 'alert') {
      return { ok: false, rejected: false, issues: [makeIssue('CAP_NOT_CAP', 'xml', '/', `root element <${root.qname}> is not a CAP <alert>`)] };
    }
    const version = CAP_NAMESPACES[root.ns];
    if (version === undefined) {
      return { ok: false, rejected: false, issues: [makeIssue('CAP_WRONG_NAMESPACE', 'xml', '/alert', `namespace "${root.ns.slice(0, 100)}" is not CAP`)] };
    }
    if (version !== '1.2') {
      const issue = makeIssue('CAP_WRONG_NAMESPACE', 'xml', '/alert', `CAP ${version} document; Victor expects CAP 1.2`, lenient ? 'warning' : 'error');
      if (!lenient) return { ok: false, rejected: false, issues: [issue] };
      warnings.push(makeIssue('CAP_OLD_VERSION', 'xml', '/alert', `CAP ${version} document read in lenient mode`, 'warning'));
    }
    const { alert, issues } = readCapAlertElement(root, version);
    if (!lenient && issues.length > 0) return { ok: false, rejected: false, issues: [...warnings, ...issues] };
    return { ok: true, alert, version, warnings: [...warnings, ...issues] };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { ok: false, rejected: false, issues: [makeIssue('CAP_NOT_XML', 'xml', '/', `unreadable document: ${msg.slice(0, 200)}`)] };
  }
}
