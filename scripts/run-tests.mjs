// `npm test`: the whole suite — Vitest (unit; integration on PGlite, and on PostgreSQL when
// TEST_DATABASE_URL is set) then Playwright in Chromium — and one closing summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const vitestJson = '.tmp/vitest-results.json';
const playwrightJson = '.tmp/playwright-results.json';
for (const f of [vitestJson, playwrightJson]) rmSync(f, { force: true });
const extra = process.argv.slice(2);

const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...extra], { stdio: 'inherit' });

let playwright = { status: 0 };
if (!process.env.VICTOR_SKIP_E2E) {
  playwright = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} else if (vitest.status !== 0) failed += 1;
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  failed += p.stats?.unexpected ?? 0;
  skipped += p.stats?.skipped ?? 0;
} else if (playwright.status !== 0) failed += 1;

const ok = vitest.status === 0 && playwright.status === 0 && failed === 0;
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(ok ? 0 : 1);
