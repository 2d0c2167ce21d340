/**
 * Low-level XML text helpers shared by the CAP serializer and the Atom feed writer/reader:
 * escaping of character data and removal of characters XML 1.0 cannot carry.
 */

/** Characters that cannot appear in an XML 1.0 document at all (even escaped). */
// eslint-disable-next-line no-control-regex
export const XML_INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** True when the string contains a character XML 1.0 cannot carry (control characters, lone surrogates). */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function hasInvalidXmlChars(s: string): boolean {
  if (!SUSPECT.test(s)) return false; // fast path: no control characters or surrogates at all
  XML_INVALID_CHARS.lastIndex = 0;
  const found = XML_INVALID_CHARS.test(s);
  XML_INVALID_CHARS.lastIndex = 0;
  return found;
}

/**
 * Escapes character data for an XML element body. Characters XML cannot carry are replaced by U+FFFD
 * (the validator reports them with CAP_INVALID_CHARACTER); CR is written as a character reference so
 * that it survives end-of-line normalisation and a parse → serialize → parse round trip.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 13) rep = '&#13;';
    else if (c < 32 && c !== 9 && c !== 10) rep = '\uFFFD';
    else if (c === 0xfffe || c === 0xffff) rep = '\uFFFD';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\uFFFD';
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = '\uFFFD';
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Escapes an attribute value (double-quoted). */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
