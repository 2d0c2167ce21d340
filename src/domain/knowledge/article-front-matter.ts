import { parse, stringify } from 'yaml';

/**
 * Markdown documents with a YAML front matter, as translators exchange one translation of an article:
 * `---\n<yaml>\n---\n<body>`. Pure functions; the service validates the fields.
 */

/** A document split into its front matter (parsed YAML) and its Markdown body. */
export type SplitDocument = { ok: true; frontMatter: unknown; body: string } | { ok: false; problem: string };

/** Write a document: the front matter fields as YAML between `---` lines, then the body. */
export function formatMarkdownDocument(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = stringify(frontMatter, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.replace(/\s+$/, '')}\n`;
}

/** Split a document into front matter and body; a problem when the front matter is missing or not YAML. */
export function splitMarkdownDocument(text: string): SplitDocument {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalised);
  if (!match) return { ok: false, problem: 'the file must start with a front matter between two --- lines' };
  let frontMatter: unknown;
  try {
    frontMatter = parse(match[1]!, { maxAliasCount: 0, uniqueKeys: true });
  } catch (err) {
    return { ok: false, problem: `the front matter is not valid YAML (${(err as Error).message.split('\n')[0]})` };
  }
  if (frontMatter === null || typeof frontMatter !== 'object' || Array.isArray(frontMatter)) return { ok: false, problem: 'the front matter must be a set of fields' };
  return { ok: true, frontMatter, body: normalised.slice(match[0].length).replace(/^\n+/, '').replace(/\s+$/, '') };
}
