import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Where screenshots go: docs/screenshots/ only with UPDATE_SCREENSHOTS=1, otherwise .tmp/e2e-screenshots,
 * so a plain test run leaves the tree clean.
 */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.tmp/e2e-screenshots';
mkdirSync(SCREENSHOT_DIR, { recursive: true });

/** Take a screenshot once the page is quiet and its fonts are loaded. */
export async function shoot(page: Page, file: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${file}`, fullPage, animations: 'disabled', caret: 'hide' });
}

/** axe-core violations of impact serious or critical, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
