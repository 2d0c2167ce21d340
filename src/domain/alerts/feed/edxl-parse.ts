/**
 * Unwraps CAP alerts carried in an OASIS EDXL-DE 1.0 envelope
 * (`EDXLDistribution/contentObject/xmlContent/embeddedXMLContent/alert`) and validates each one.
 */
import type { CapIssue } from '../cap/cap-issues';
import { makeIssue } from '../cap/cap-issues';
import type { CapVersion } from '../cap/cap-parse';
import { CAP_NAMESPACES, readCapAlertElement } from '../cap/cap-parse';
import type { CapAlert } from '../cap/cap-model';
import { hasNoErrors, validateCapAlert } from '../cap/cap-validate';
import type { XmlElement } from '../cap/xml-safe-read';
import { DEFAULT_MAX_BYTES, readXmlSafely } from '../cap/xml-safe-read';

export const EDXL_DE_NAMESPACE = 'urn:oasis:names:tc:emergency:EDXL:DE:1.0';

export interface EdxlAlert {
  alert: CapAlert;
  version: CapVersion;
  valid: boolean;
  issues: CapIssue[];
}

export type EdxlParseResult =
  | { ok: true; alerts: EdxlAlert[]; valid: boolean; issues: CapIssue[] }
  | { ok: false; rejected: boolean; issues: CapIssue[] };

const child = (el: XmlElement, local: string): XmlElement[] => el.children.filter((c) => c.ns === EDXL_DE_NAMESPACE && c.local === local);

/**
 * Reads an EDXL-DE envelope and validates every embedded CAP alert (layers 1 and 2, under the rules
 * of its own CAP version). `valid` is true when the envelope holds at least one alert and all are valid.
 */
export function parseEdxlDe(xml: string | Uint8Array, opts: { maxBytes?: number } = {}): EdxlParseResult {
  try {
    const read = readXmlSafely(xml, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, allowStylesheetPi: true });
    if (!read.ok) return read;
    const { root } = read;
    if (root.local !== 'EDXLDistribution' || root.ns !== EDXL_DE_NAMESPACE) {
      return { ok: false, rejected: false, issues: [makeIssue('FEED_NOT_FEED', 'structure', '/', `root element <${root.qname}> is not an EDXL-DE distribution`)] };
    }
    const issues: CapIssue[] = [...read.warnings];
    const alerts: EdxlAlert[] = [];
    child(root, 'contentObject').forEach((co, i) => {
      for (const xc of child(co, 'xmlContent')) {
        for (const emb of child(xc, 'embeddedXMLContent')) {
          for (const el of emb.children) {
            const version = CAP_NAMESPACES[el.ns];
            if (el.local !== 'alert' || version === undefined) continue;
            const read1 = readCapAlertElement(el, version);
            const v = validateCapAlert(read1.alert, { version });
            const all = [...read1.issues, ...v.issues];
            const valid = hasNoErrors(all);
            alerts.push({ alert: read1.alert, version, valid, issues: all });
            if (!valid) issues.push(makeIssue('EDXL_INVALID_ALERT', 'structure', `/EDXLDistribution/contentObject[${i}]`, `embedded alert ${read1.alert.identifier ?? ''} is not valid`));
          }
        }
      }
    });
    if (alerts.length === 0) issues.push(makeIssue('EDXL_NO_CONTENT', 'structure', '/EDXLDistribution'));
    return { ok: true, alerts, valid: hasNoErrors(issues), issues };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { ok: false, rejected: false, issues: [makeIssue('CAP_NOT_XML', 'xml', '/', `unreadable envelope: ${msg.slice(0, 200)}`)] };
  }
}
