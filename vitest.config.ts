import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (no database), `pglite` (integration tests on the embedded database) and,
 * when TEST_DATABASE_URL is set, `postgres` (the same integration tests on PostgreSQL).
 */
const integration = { include: ['test/integration/**/*.test.ts'], globalSetup: ['test/helpers/global-setup.ts'], testTimeout: 30_000, hookTimeout: 60_000 };
const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'pglite', ...integration, provide: { dbKind: 'pglite' as const } } },
      ...(postgresUrl ? [{ test: { name: 'postgres', ...integration, provide: { dbKind: 'postgres' as const } } }] : []),
    ],
  },
});
