import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (no database), `pglite` (integration tests on the embedded database) and,
 * when TEST_DATABASE_URL is set, `postgres` (the same integration tests on PostgreSQL).
 *
 * Speed (measured on 2 cores): Vitest's default in `run` mode is one worker less than the cores, i.e.
 * ONE worker on a 2-core CI machine, while much of an integration test is spent waiting on a database
 * or a child process; so run as many workers as cores (VITEST_MAX_WORKERS overrides). Integration
 * files share their worker's module cache (`isolate: false`): every file used to import the whole app
 * again (about half of the suite's CPU time). Each file still gets its own fresh database from
 * test/helpers/test-context.ts; files must not rely on module-level state of another file (no
 * vi.mock of app modules in integration tests — put such tests under test/unit).
 */
const integration = {
  include: ['test/integration/**/*.test.ts'],
  globalSetup: ['test/helpers/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  isolate: false,
};
const postgresUrl = process.env.TEST_DATABASE_URL;
const maxWorkers = Number(process.env.VITEST_MAX_WORKERS) || Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default'] : ['default'],
    maxWorkers,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'pglite', ...integration, provide: { dbKind: 'pglite' as const } } },
      ...(postgresUrl ? [{ test: { name: 'postgres', ...integration, provide: { dbKind: 'postgres' as const } } }] : []),
    ],
  },
});
