import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the web shell against the real server. The web server step builds the UI,
 * removes data directories of earlier runs and starts Victor on a fresh embedded database, which is
 * migrated and demo-seeded on first start.
 */
/** E2E_PORT lets several people run the e2e suite side by side (default 3199). */
const PORT = Number(process.env.E2E_PORT ?? 3199);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const dataDir = `.tmp/e2e-data-${PORT}-${Date.now()}`;
// Absolute: Vite resolves --outDir against its root (src/web).
const webDist = resolve(`.tmp/e2e-web-${PORT}`);

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
  headless: true,
};

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: '.tmp/e2e-results',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '.tmp/e2e-report' }]],
  use: {
    baseURL: BASE_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/Athens',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: /phone\.spec\.ts$/,
      use: { ...chromium, viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      testMatch: /phone\.spec\.ts$/,
      use: { ...chromium, viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
  webServer: {
    command: `rm -rf .tmp/e2e-data-${PORT}-* && npx vite build --logLevel warn --outDir ${webDist} && node --import tsx src/main.ts`,
    url: `${BASE_URL}/readyz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST: webDist,
      VICTOR_DEMO_SEED: 'true',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
      RATE_LIMIT_PUBLIC_REPORTS_PER_HOUR: '1000',
      VICTOR_ALLOW_PRIVATE_ENDPOINTS: 'true',
      VICTOR_ALERT_TICK_MS: '250',
      LOG_LEVEL: 'warn',
    },
  },
});
