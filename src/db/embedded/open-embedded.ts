/**
 * Open the embedded (PGlite) database safely: lock first, initialise atomically if new, open
 * with a filesystem that really fsyncs, and on close checkpoint, close, then unlock.
 */
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, type DataDirLock, type DataDirRole } from './data-dir-lock';
import { DURABLE_START_PARAMS, DurableNodeFS, type SyncCounts } from './durable-node-fs';
import { prepareDataDir, type EmbeddedLogger } from './init-data-dir';
import { PGLITE_EXTENSIONS } from '../pglite-extensions';

export type { EmbeddedLogger } from './init-data-dir';

/** Options of openEmbeddedDatabase. */
export interface OpenEmbeddedOptions {
  dataDir: string;
  role: DataDirRole;
  logger?: EmbeddedLogger;
  /** Where this process serves its API (servers), shown to processes the lock refuses. */
  url?: string;
}

/** An open embedded database. */
export interface EmbeddedDatabase {
  client: PGlite;
  lock: DataDirLock;
  /** Real host fsync/fdatasync calls made so far. */
  syncCounts: SyncCounts;
  /** CHECKPOINT, close PGlite, release the lock. Idempotent. */
  close(): Promise<void>;
}

const DURABILITY_SETTINGS = ['fsync', 'synchronous_commit', 'full_page_writes'] as const;

async function assertDurable(client: PGlite): Promise<void> {
  for (const name of DURABILITY_SETTINGS) {
    const { rows } = await client.query<Record<string, string>>(`SHOW ${name}`);
    const value = rows[0]?.[name];
    if (value !== 'on') throw new Error(`The embedded database started with ${name}=${String(value)}; refusing to run without durable commits.`);
  }
}

async function closeEmbedded(client: PGlite, lock: DataDirLock, logger?: EmbeddedLogger): Promise<void> {
  if (!client.closed) {
    try {
      await client.exec('CHECKPOINT');
    } catch (err) {
      logger?.warn({ err }, 'checkpoint before closing the embedded database failed');
    }
    try {
      await client.close();
    } catch (err) {
      // Keep the lock: it goes when this process exits, never while the files may still change.
      logger?.error({ err, dataDir: lock.dataDir }, 'closing the embedded database failed; keeping its lock until exit');
      throw err;
    }
  }
  await lock.release();
}

/**
 * Open the embedded database in `dataDir`: take its lock (DataDirLockedError if another process
 * holds it), remove leftovers of an interrupted first start, create the database atomically if
 * there is none, and open it with fsync on and real host syncs. Commits are durable once they
 * return (`relaxedDurability: false`).
 */
export async function openEmbeddedDatabase({ dataDir, role, logger, url }: OpenEmbeddedOptions): Promise<EmbeddedDatabase> {
  const lock = await acquireDataDirLock({ dataDir, role, details: url ? { url } : {} });
  let client: PGlite | undefined;
  let fs: DurableNodeFS;
  try {
    const outcome = await prepareDataDir(lock.dataDir, logger);
    if (outcome === 'created') logger?.info({ dataDir: lock.dataDir }, 'created a new embedded database');
    // Only now: NodeFS creates its directory as soon as it is constructed.
    fs = new DurableNodeFS(lock.dataDir);
    client = new PGlite({ fs, extensions: PGLITE_EXTENSIONS, startParams: [...DURABLE_START_PARAMS], relaxedDurability: false });
    await client.waitReady;
    await assertDurable(client);
  } catch (err) {
    if (client && !client.closed) await client.close().catch(() => undefined);
    await lock.release();
    throw err;
  }
  const open = client;
  let closing: Promise<void> | undefined;
  return {
    client: open,
    lock,
    syncCounts: fs.syncCounts,
    close: () => (closing ??= closeEmbedded(open, lock, logger)),
  };
}
