import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The child-alert pages' style sheet (added after the public pages' one), read once at start-up. */
export const ALERT_CSS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'alert-page.css'), 'utf8');

/** A short content hash of the style sheet, so its versioned address can be cached for a year. */
export const ALERT_CSS_VERSION = createHash('sha256').update(ALERT_CSS).digest('hex').slice(0, 12);

/** The versioned address of the style sheet. */
export const ALERT_CSS_HREF = `/child-alerts/assets/alerts.css?v=${ALERT_CSS_VERSION}`;
