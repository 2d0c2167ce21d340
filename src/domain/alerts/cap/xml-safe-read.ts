/**
 * Safe XML reading for untrusted CAP documents and feeds. Before any XML parsing happens the raw text
 * is checked and refused outright when it is too large or carries a DOCTYPE, an entity declaration,
 * XInclude or a processing instruction (other than the XML declaration; `xml-stylesheet` is ignored
 * with a warning when the caller allows it). Only then is it parsed by `saxes`, a strict, non-validating
 * parser that never loads DTDs or external entities, into a small namespace-aware element tree.
 * Never throws on hostile input: every failure comes back as a coded issue.
 */
import { SaxesParser } from 'saxes';
import type { CapIssue } from './cap-issues';
import { makeIssue } from './cap-issues';

/** A namespace-aware element of the parsed tree. */
export interface XmlElement {
  ns: string;
  local: string;
  /** Qualified name as written ("ds:Signature"). */
  qname: string;
  attrs: { ns: string; local: string; qname: string; value: string }[];
  children: XmlElement[];
  /** Concatenated character data (text and CDATA) directly inside this element. */
  text: string;
  line: number;
}

export interface XmlReadOptions {
  /** Largest accepted document in bytes (default 2 MiB). */
  maxBytes?: number;
  /** Ignore `<?xml-stylesheet …?>` with a warning instead of refusing it (lenient ingest). */
  allowStylesheetPi?: boolean;
  /** Deepest element nesting accepted (default 64). */
  maxDepth?: number;
}

export type XmlReadResult =
  | { ok: true; root: XmlElement; warnings: CapIssue[]; text: string }
  | { ok: false; rejected: boolean; issues: CapIssue[] };

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const XINCLUDE_NAMESPACE = 'http://www.w3.org/2001/XInclude';

function fail(rejected: boolean, code: string, message: string): XmlReadResult {
  return { ok: false, rejected, issues: [makeIssue(code, 'xml', '/', message)] };
}

/** Reads the encoding label from an XML declaration in the first bytes (ASCII-compatible only). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const m = /^<\?xml\s[^?]*?encoding\s*=\s*(["'])([A-Za-z0-9._-]+)\1/.exec(head);
  return m?.[2];
}

/** Decodes bytes to text: BOM first, then the declared encoding, else UTF-8. */
function decodeBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; result: XmlReadResult } {
  let label = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [label, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [label, start] = ['utf-16be', 2];
  else label = declaredEncoding(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    return { ok: false, result: fail(false, 'CAP_ENCODING_UNSUPPORTED', `unsupported character encoding "${label.slice(0, 40)}"`) };
  }
  try {
    return { ok: true, text: decoder.decode(bytes.subarray(start)) };
  } catch {
    return { ok: false, result: fail(false, 'CAP_ENCODING_INVALID', `bytes are not valid ${decoder.encoding}`) };
  }
}

/**
 * Refuses dangerous constructs by scanning the raw text, before any parser sees it. Conservative:
 * a match inside a comment or CDATA section is refused too.
 */
function preflight(text: string, allowStylesheet: boolean, warnings: CapIssue[]): XmlReadResult | undefined {
  if (/<!DOCTYPE/i.test(text)) return fail(true, 'CAP_DOCTYPE_FORBIDDEN', 'a DOCTYPE (DTD) is never accepted');
  if (/<!ENTITY/i.test(text)) return fail(true, 'CAP_ENTITY_FORBIDDEN', 'entity declarations are never accepted');
  if (text.includes(XINCLUDE_NAMESPACE) || /<xi:include\b/i.test(text)) {
    return fail(true, 'CAP_XINCLUDE_FORBIDDEN', 'XInclude is never processed');
  }
  const piRe = /<\?([^\s?]*)/g;
  let m: RegExpExecArray | null;
  while ((m = piRe.exec(text)) !== null) {
    const target = m[1] ?? '';
    if (m.index === 0 && target === 'xml') continue;
    if (target.toLowerCase() === 'xml-stylesheet' && allowStylesheet) {
      warnings.push(makeIssue('CAP_STYLESHEET_IGNORED', 'xml', '/', 'an xml-stylesheet processing instruction was ignored', 'warning'));
      continue;
    }
    return fail(true, 'CAP_PI_FORBIDDEN', `processing instruction "${target.slice(0, 40)}" is not accepted`);
  }
  return undefined;
}

/**
 * Reads an untrusted XML document into an element tree, refusing hostile constructs first.
 */
export function readXmlSafely(input: string | Uint8Array, opts: XmlReadOptions = {}): XmlReadResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = opts.maxDepth ?? 64;
  let text: string;
  if (typeof input === 'string') {
    // A JS string needs at least length bytes in UTF-8; check cheaply before measuring exactly.
    if (input.length > maxBytes || Buffer.byteLength(input, 'utf8') > maxBytes) {
      return fail(true, 'CAP_TOO_LARGE', `document exceeds ${maxBytes} bytes`);
    }
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) return fail(true, 'CAP_TOO_LARGE', `document exceeds ${maxBytes} bytes`);
    const decoded = decodeBytes(input);
    if (!decoded.ok) return decoded.result;
    text = decoded.text;
  } else {
    return fail(false, 'CAP_NOT_XML', 'input is neither text nor bytes');
  }
  const warnings: CapIssue[] = [];
  const refused = preflight(text, opts.allowStylesheetPi === true, warnings);
  if (refused) return refused;
  if (text.trim() === '') return fail(false, 'CAP_NOT_XML', 'empty document');

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let problem: XmlReadResult | undefined;
  const appendText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('opentag', (tag) => {
    if (stack.length >= maxDepth) {
      problem ??= fail(true, 'CAP_TOO_DEEP', `elements nested deeper than ${maxDepth}`);
      throw new Error('too deep');
    }
    const el: XmlElement = {
      ns: tag.uri ?? '',
      local: tag.local ?? tag.name,
      qname: tag.name,
      attrs: Object.values(tag.attributes).map((a) => ({ ns: a.uri ?? '', local: a.local ?? a.name, qname: a.name, value: a.value })),
      children: [],
      text: '',
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('doctype', () => {
    problem ??= fail(true, 'CAP_DOCTYPE_FORBIDDEN', 'a DOCTYPE (DTD) is never accepted');
    throw new Error('doctype');
  });
  parser.on('processinginstruction', (pi) => {
    if (pi.target.toLowerCase() === 'xml-stylesheet' && opts.allowStylesheetPi === true) return;
    problem ??= fail(true, 'CAP_PI_FORBIDDEN', `processing instruction "${pi.target.slice(0, 40)}" is not accepted`);
    throw new Error('pi');
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (problem) return problem;
    const msg = err instanceof Error ? err.message : String(err);
    return fail(false, 'CAP_NOT_XML', `not well-formed XML: ${msg.slice(0, 200)}`);
  }
  if (problem) return problem;
  if (!root) return fail(false, 'CAP_NOT_XML', 'no root element');
  const xinclude = findXInclude(root);
  if (xinclude) return fail(true, 'CAP_XINCLUDE_FORBIDDEN', 'XInclude is never processed');
  return { ok: true, root, warnings, text };
}

function findXInclude(el: XmlElement): boolean {
  if (el.ns === XINCLUDE_NAMESPACE) return true;
  return el.children.some(findXInclude);
}
