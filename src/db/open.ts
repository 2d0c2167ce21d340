import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { createPgliteDatabase, createPostgresDatabase, findUnsafeDurabilitySettings, type Database } from './database';
import { openEmbeddedDatabase } from './embedded/open-embedded';

/** Who opens the database (named in the embedded lock). */
export type OpenerRole = 'server' | 'cli' | 'migrator';

/** Thrown when PostgreSQL runs with settings that can lose acknowledged writes. */
export class UnsafePostgresError extends Error {
  readonly code = 'UNSAFE_POSTGRES';
}

/**
 * Open the configured database: the embedded PGlite directory (locked, fsynced) or PostgreSQL
 * (refused when fsync, synchronous_commit or full_page_writes is off, unless overridden).
 */
export async function openDatabase(config: Config, role: OpenerRole, logger: Logger, details: { url?: string } = {}): Promise<Database> {
  if (config.database.kind === 'pglite') {
    const embedded = await openEmbeddedDatabase({ dataDir: config.database.dataDir, role, logger, ...details });
    return createPgliteDatabase(embedded.client, () => embedded.close());
  }
  const database = createPostgresDatabase({ url: config.database.url, applicationName: `victor-${role}` });
  try {
    const unsafe = await findUnsafeDurabilitySettings(database.db);
    if (unsafe.length > 0) {
      const message = `PostgreSQL has ${unsafe.join(', ')} off: acknowledged writes could be lost in a crash.`;
      if (!config.VICTOR_ALLOW_UNSAFE_POSTGRES) {
        throw new UnsafePostgresError(`${message} Turn them on, or set VICTOR_ALLOW_UNSAFE_POSTGRES=true to start anyway.`);
      }
      logger.warn({ settings: unsafe }, `${message} Starting anyway (VICTOR_ALLOW_UNSAFE_POSTGRES).`);
    }
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
