/**
 * Victor server entry point: `npm start` / `node --import tsx src/main.ts`.
 */
import { ConfigError, loadConfig } from './config/config';
import { DEMO_PASSWORD, DEMO_USERS } from './db/seed/network.data';
import { installShutdownHandlers } from './db/embedded/signals';
import { createLogger } from './lib/logger';
import { startServer } from './server';
import { isDemoInstance } from './services/settings.service';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee the configuration table in README.md.\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL, process.stdout.isTTY);
  let server;
  try {
    server = await startServer(config, logger);
  } catch (err) {
    const e = err as Error & { code?: string };
    process.stderr.write(`Victor could not start: ${e.message}\n`);
    process.exit(e.code === 'DATA_DIR_LOCKED' ? 3 : 1);
  }
  installShutdownHandlers([() => server.close()], logger);
  const where = config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
  const lines = [``, `  Victor is running at ${server.url}  (${where})`, `  API documentation: ${server.url}/api/docs`];
  if (await isDemoInstance(server.ctx.database.db)) {
    lines.push(``, `  Demo accounts (password "${DEMO_PASSWORD}", no two-factor needed):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.email.padEnd(32)} ${u.memberships.map((m) => m.role.replaceAll('_', ' ')).join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

void main();
