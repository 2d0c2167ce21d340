import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The public pages' style sheet, read once at start-up. */
export const PUBLIC_CSS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'public-page.css'), 'utf8');

/** A short content hash of the style sheet: its address changes with its content, so it can be cached for a year. */
export const PUBLIC_CSS_VERSION = createHash('sha256').update(PUBLIC_CSS).digest('hex').slice(0, 12);

/** The versioned address of the style sheet. */
export const PUBLIC_CSS_HREF = `/kb/assets/kb.css?v=${PUBLIC_CSS_VERSION}`;
