/**
 * A tiny HTML template tag for the server-rendered public pages: every interpolated value is escaped
 * (text and attribute contexts alike: & < > " ' and `), except values that are already `SafeHtml`
 * (built by this tag, or explicitly trusted with `trustedHtml` for sanitised article bodies).
 * Arrays are joined; null, undefined and false render nothing.
 */

/** HTML that is safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escape text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => ESCAPES[ch] ?? ch);
}

/** A value the tag accepts. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function renderValue(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(renderValue).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p title="${t}">${text}</p>\`` escapes `t` and `text`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += renderValue(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Mark HTML as safe. Only for HTML that went through the article sanitiser. */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}
