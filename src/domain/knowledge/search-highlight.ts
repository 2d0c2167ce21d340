import type { KbLanguage } from './knowledge-fields';
import { foldForLanguage } from './search-text';

/**
 * Snippets of search hits as plain-text segments (never HTML): the database's `ts_headline` marks the words
 * its stemmer matched between two control characters; words that match a query spelling only once folded
 * (accents, Serbian script, prefixes of inflected forms) are marked here, so the two sides agree.
 */

/** Marks `ts_headline` puts around a matched word (StartSel/StopSel): control characters no text contains. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';
/** What separates the fragments of one snippet. */
export const FRAGMENT_DELIMITER = ' … ';

/** One piece of a snippet; `hit` marks a matched word. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** True when a folded word is one of the query's spellings, or starts with one of four letters or more. */
export function matchesSpelling(folded: string, spellings: readonly string[]): boolean {
  return spellings.some((s) => folded === s || (s.length >= 4 && folded.startsWith(s)));
}

function push(out: Segment[], text: string, hit: boolean): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.hit === hit) last.text += text;
  else out.push({ text, hit });
}

/** Mark the words of a plain piece of text that match a spelling once folded in the text's language. */
function markFolded(out: Segment[], text: string, spellings: readonly string[], lang: KbLanguage): void {
  let at = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!matchesSpelling(foldForLanguage(m[0], lang), spellings)) continue;
    push(out, text.slice(at, m.index), false);
    push(out, m[0], true);
    at = m.index + m[0].length;
  }
  push(out, text.slice(at), false);
}

/**
 * Split a `ts_headline` result (hits between HIT_START and HIT_END) into segments, also marking words that
 * match one of the folded query spellings. Stray control characters are dropped; adjacent pieces of the
 * same kind are merged.
 */
export function splitHighlight(headline: string, spellings: readonly string[], lang: KbLanguage): Segment[] {
  const out: Segment[] = [];
  const parts = headline.split(HIT_START);
  parts.forEach((part, i) => {
    const end = i === 0 ? -1 : part.indexOf(HIT_END);
    if (end >= 0) push(out, part.slice(0, end).replaceAll(HIT_END, ''), true);
    markFolded(out, part.slice(end + 1).replaceAll(HIT_END, ''), spellings, lang);
  });
  const first = out[0];
  if (first && !first.hit) first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last && !last.hit) last.text = last.text.trimEnd();
  return out.filter((s) => s.text.length > 0);
}

/** True when a snippet marks at least one word. */
export function hasHit(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.hit);
}
