/**
 * First-start initialisation of an embedded data directory that can be interrupted at any moment
 * without leaving a directory that cannot open. PGlite's own initialisation copies a fresh
 * cluster into the directory file by file, so a kill half-way leaves PG_VERSION beside missing
 * files. Here the cluster is built elsewhere, closed cleanly, flushed, and only then published:
 * - a directory that does not exist yet is built in the sibling `${dataDir}.init-<random>` and
 *   renamed into place (atomic);
 * - an existing empty directory (a mount point, say) is built in `${dataDir}/.init-<random>`
 *   and its entries moved up, PG_VERSION last, under a marker file that tells the next start
 *   to wipe and redo an interrupted attempt.
 * Call it only while holding the data directory's lock.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DURABLE_START_PARAMS, DurableNodeFS } from './durable-node-fs';
import { fsyncDir, fsyncFile, fsyncTree } from './fsync-tree';
import { PGLITE_EXTENSIONS } from '../pglite-extensions';

/** Minimal structured logger (pino's Logger fits). */
export interface EmbeddedLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Left in a data directory while an in-place initialisation is under way. */
export const INIT_MARKER = '.victor-init-incomplete';
const INIT_PREFIX = '.init-';

function exists(file: string): boolean {
  return fs.existsSync(file);
}

/** Build a new, cleanly shut down and flushed cluster in `dir` (which must not exist). */
async function buildCluster(dir: string): Promise<void> {
  const pg = new PGlite({ fs: new DurableNodeFS(dir), extensions: PGLITE_EXTENSIONS, startParams: [...DURABLE_START_PARAMS], relaxedDurability: false });
  try {
    await pg.waitReady;
  } catch (err) {
    await pg.close().catch(() => undefined);
    throw err;
  }
  await pg.close();
  fsyncTree(dir);
}

/** Remove `${dataDir}.init-*` siblings and `${dataDir}/.init-*` staging left by a killed start. */
function removeLeftovers(dataDir: string, logger?: EmbeddedLogger): void {
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}.init-`;
  const found: string[] = fs.readdirSync(parent).filter((name) => name.startsWith(prefix)).map((name) => path.join(parent, name));
  if (exists(dataDir) && fs.statSync(dataDir).isDirectory()) {
    found.push(...fs.readdirSync(dataDir).filter((name) => name.startsWith(INIT_PREFIX)).map((name) => path.join(dataDir, name)));
  }
  for (const leftover of found) {
    logger?.warn({ path: leftover }, 'removing a database initialisation left by an interrupted start');
    fs.rmSync(leftover, { recursive: true, force: true });
  }
  if (found.length > 0) fsyncDir(parent);
}

/** Initialise inside an existing directory, publishing PG_VERSION last. */
async function initialiseInPlace(dataDir: string): Promise<void> {
  const marker = path.join(dataDir, INIT_MARKER);
  fs.writeFileSync(marker, 'Victor was initialising this database. If this file is here, that was interrupted and will be redone.\n');
  fsyncFile(marker);
  fsyncDir(dataDir);
  const staging = path.join(dataDir, `${INIT_PREFIX}${randomBytes(6).toString('hex')}`);
  await buildCluster(staging);
  const entries = fs.readdirSync(staging).filter((name) => name !== 'PG_VERSION');
  for (const name of [...entries, 'PG_VERSION']) fs.renameSync(path.join(staging, name), path.join(dataDir, name));
  fsyncDir(dataDir);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(marker, { force: true });
  fsyncDir(dataDir);
}

/**
 * Make sure `dataDir` (absolute) holds a complete database, creating one if needed.
 * @returns 'created' when a new database was initialised, 'existing' otherwise.
 */
export async function prepareDataDir(dataDir: string, logger?: EmbeddedLogger): Promise<'created' | 'existing'> {
  removeLeftovers(dataDir, logger);
  const marker = path.join(dataDir, INIT_MARKER);
  if (!exists(dataDir)) {
    const temp = `${dataDir}.init-${randomBytes(6).toString('hex')}`;
    await buildCluster(temp);
    fs.renameSync(temp, dataDir);
    fsyncDir(path.dirname(dataDir));
    return 'created';
  }
  if (!fs.statSync(dataDir).isDirectory()) throw new Error(`The data directory ${dataDir} is a file, not a directory.`);
  if (exists(path.join(dataDir, 'PG_VERSION'))) {
    if (exists(marker)) {
      // Killed after PG_VERSION was moved in (so every file was), before the marker went.
      fs.rmSync(marker, { force: true });
      fsyncDir(dataDir);
    }
    return 'existing';
  }
  const entries = fs.readdirSync(dataDir);
  if (entries.length > 0 && !entries.includes(INIT_MARKER)) {
    throw new Error(`The data directory ${dataDir} is not empty and holds no database (no PG_VERSION). Use a new or empty directory.`);
  }
  if (entries.length > 0) {
    logger?.warn({ dataDir }, 'redoing a database initialisation that was interrupted');
    for (const name of entries) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
  await initialiseInPlace(dataDir);
  return 'created';
}
