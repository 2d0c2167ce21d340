/**
 * Sections of docs/performance.md that separate benches write on their own: replace a section (its
 * "##" heading up to the next "##"), or insert it before "## Data set", else at the end.
 */

/** Replace the section that starts with `heading` in the Markdown, or insert it, with new lines. */
export function spliceSection(markdown: string, heading: string, section: readonly string[]): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start >= 0) {
    const rest = lines.slice(start + 1).findIndex((l) => l.startsWith('## '));
    const end = rest < 0 ? lines.length : start + 1 + rest;
    return [...lines.slice(0, start), ...section, ...lines.slice(end)].join('\n');
  }
  const before = lines.findIndex((l) => l.startsWith('## Data set'));
  const at = before < 0 ? lines.length : before;
  return [...lines.slice(0, at), ...section, ...lines.slice(at)].join('\n');
}
