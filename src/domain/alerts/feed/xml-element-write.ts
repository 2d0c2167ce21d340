/**
 * Writes a parsed element subtree back to XML text (used to hand an inline CAP alert found in a feed
 * to the CAP parser). Namespaces are written as default-namespace declarations wherever they change;
 * namespaced attributes (other than none) are dropped, as CAP defines no attributes.
 */
import { escapeXmlAttr, escapeXmlText } from '../cap/cap-xml-text';
import type { XmlElement } from '../cap/xml-safe-read';

function write(el: XmlElement, parentNs: string | null, out: string[]): void {
  let attrs = el.ns !== parentNs ? ` xmlns="${escapeXmlAttr(el.ns)}"` : '';
  for (const a of el.attrs) if (a.ns === '' && a.qname === a.local && a.local !== 'xmlns') attrs += ` ${a.local}="${escapeXmlAttr(a.value)}"`;
  if (el.children.length === 0 && el.text === '') {
    out.push(`<${el.local}${attrs}/>`);
    return;
  }
  out.push(`<${el.local}${attrs}>`);
  // Mixed content is not used by CAP; text comes first, then children.
  out.push(escapeXmlText(el.text));
  for (const c of el.children) write(c, el.ns, out);
  out.push(`</${el.local}>`);
}

/** Serializes an element subtree as a standalone UTF-8 XML document. */
export function writeXmlElement(el: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(el, null, out);
  return out.join('');
}
