/**
 * An exclusive lock beside an embedded (PGlite) data directory. PGlite takes no lock of its own,
 * and two processes opening the same directory destroy it, so every opener (server, CLI,
 * migrator, tests) takes this lock first. The lock is the file `${dataDir}.lock`, created
 * atomically; a lock whose process is gone is taken over, under a claim file so that two
 * processes finding the same stale lock cannot both win.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../domain/errors';
import {
  createExclusive,
  currentIdentity,
  holderState,
  parseHolder,
  readRaw,
  removeQuietly,
  type HolderState,
  type ProcessIdentity,
} from './lock-file';

/** Which kind of Victor process holds the data directory. */
export type DataDirRole = 'server' | 'cli' | 'migrator' | 'test';

/** The contents of a lock file. */
export interface DataDirLockInfo extends ProcessIdentity {
  role: DataDirRole;
  startedAt: string;
  /** Where the holding server listens, so a refused command can point at its API. */
  url?: string;
  /** Random id of this lock, so a release never removes someone else's lock. */
  token: string;
}

/** A held lock. */
export interface DataDirLock {
  /** The data directory, resolved to an absolute path. */
  readonly dataDir: string;
  readonly lockPath: string;
  readonly info: DataDirLockInfo;
  readonly released: boolean;
  /** Remove the lock file if it is still ours. Idempotent; also runs on process exit. */
  release(): Promise<void>;
}

/** Options of acquireDataDirLock. */
export interface AcquireDataDirLockOptions {
  dataDir: string;
  role: DataDirRole;
  details?: { url?: string };
}

/** Who holds a data directory, as read by readDataDirLock. */
export interface DataDirLockStatus {
  lockPath: string;
  /** Null when the lock file is unreadable (left by a crash mid-write). */
  holder: DataDirLockInfo | null;
  state: HolderState;
}

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends AppError {
  declare readonly code: 'DATA_DIR_LOCKED';

  constructor(
    message: string,
    readonly dataDir: string,
    readonly lockPath: string,
    readonly holder: DataDirLockInfo | null,
  ) {
    super('DATA_DIR_LOCKED', message);
    this.name = 'DataDirLockedError';
  }
}

/** How long to wait for a lock that is being written or taken over by someone else. */
const BUSY_WAIT_MS = 1500;
const RETRY_DELAY_MS = 25;
/** An unreadable lock or claim younger than this may still be being written. */
const CORRUPT_GRACE_MS = 1000;
const MAX_CLAIM_LEVELS = 8;

const ROLE_LABELS: Record<DataDirRole, string> = {
  server: 'the Victor server',
  cli: 'a Victor command',
  migrator: 'a Victor migration',
  test: 'a Victor test process',
};

/** Locks held by this process, by token. */
const held = new Map<string, () => void>();
const isOwnToken = (token: string): boolean => held.has(token);
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  for (const release of [...held.values()]) release();
}

/** The lock file of a data directory: `${dataDir}.lock`, beside it. */
export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function lockedMessage(shownDir: string, holder: DataDirLockInfo | null, state: HolderState, lockPath: string): string {
  if (!holder) return `The data directory ${shownDir} is being locked by another Victor process. Try again in a moment.`;
  if (state === 'dead') {
    return `The data directory ${shownDir} was left locked by a process that is gone (pid ${holder.pid}), and another Victor process is taking it over. Try again in a moment.`;
  }
  const host = state === 'other-host' ? ` on host ${holder.hostname}` : '';
  const where = [`pid ${holder.pid}${host}`, `started ${holder.startedAt}`, ...(holder.url ? [holder.url] : [])].join(', ');
  const label = ROLE_LABELS[holder.role] ?? 'another Victor process';
  const advice = holder.role === 'server' ? "Stop it first, or run this command against the server's API." : 'Wait for it to finish, or stop it first.';
  const remote = state === 'other-host' ? ` If ${holder.hostname} no longer runs Victor on this directory, delete ${lockPath}.` : '';
  return `The data directory ${shownDir} is in use by ${label} (${where}). ${advice}${remote}`;
}

function stateOf(raw: string, ageMs: number): { holder: DataDirLockInfo | null; state: HolderState } {
  const holder = parseHolder<DataDirLockInfo>(raw);
  if (holder) return { holder, state: holderState(holder, isOwnToken) };
  return { holder: null, state: ageMs > CORRUPT_GRACE_MS ? 'dead' : 'alive' };
}

/**
 * Replace the stale lock whose bytes are `staleRaw` by ours. Only the process that creates the
 * claim file for exactly that stale content may remove it; a claim left by a dead claimant is
 * skipped by moving to the next claim level.
 * @returns true when the lock is now ours.
 */
function takeOverStale(lockPath: string, staleRaw: string, content: string): boolean {
  const id = createHash('sha256').update(staleRaw).digest('hex').slice(0, 16);
  const claimContent = JSON.stringify(currentIdentity());
  const claims: string[] = [];
  for (let level = 0; level < MAX_CLAIM_LEVELS; level++) {
    const claim = `${lockPath}.takeover-${id}.${level}`;
    claims.push(claim);
    if (createExclusive(claim, claimContent)) {
      try {
        const current = readRaw(lockPath);
        // Nobody else can remove this exact stale lock while we hold its claim.
        if (current.kind === 'present' && current.raw === staleRaw) removeQuietly(lockPath);
        return createExclusive(lockPath, content);
      } finally {
        for (const c of claims) removeQuietly(c);
      }
    }
    const other = readRaw(claim);
    if (other.kind === 'missing') return false;
    if (stateOf(other.raw, other.ageMs).state !== 'dead') return false;
  }
  return false;
}

function holdLock(dataDir: string, lockPath: string, info: DataDirLockInfo): DataDirLock {
  let released = false;
  const releaseSync = (): void => {
    if (released) return;
    released = true;
    held.delete(info.token);
    const file = readRaw(lockPath);
    if (file.kind === 'present' && parseHolder<DataDirLockInfo>(file.raw)?.token === info.token) removeQuietly(lockPath);
  };
  held.set(info.token, releaseSync);
  if (!exitHookInstalled) {
    process.on('exit', releaseAllOnExit);
    exitHookInstalled = true;
  }
  return {
    dataDir,
    lockPath,
    info,
    get released() {
      return released;
    },
    async release() {
      releaseSync();
    },
  };
}

/**
 * Take the exclusive lock of an embedded data directory. Fails fast (well under 2 s) with
 * DataDirLockedError, naming the holder, when a live process holds it; takes over a lock left
 * by a process that is gone.
 */
export async function acquireDataDirLock({ dataDir, role, details = {} }: AcquireDataDirLockOptions): Promise<DataDirLock> {
  const resolved = path.resolve(dataDir);
  const lockPath = lockPathFor(resolved);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const info: DataDirLockInfo = {
    ...currentIdentity(),
    role,
    startedAt: new Date().toISOString(),
    ...(details.url ? { url: details.url } : {}),
    token: randomBytes(16).toString('hex'),
  };
  const content = `${JSON.stringify(info, null, 2)}\n`;
  const deadline = Date.now() + BUSY_WAIT_MS;
  let last: { holder: DataDirLockInfo | null; state: HolderState } = { holder: null, state: 'alive' };
  for (;;) {
    if (createExclusive(lockPath, content)) return holdLock(resolved, lockPath, info);
    const file = readRaw(lockPath);
    if (file.kind === 'present') {
      const current = stateOf(file.raw, file.ageMs);
      if (current.holder || current.state === 'dead') last = current;
      if (current.holder && current.state !== 'dead') {
        throw new DataDirLockedError(lockedMessage(dataDir, current.holder, current.state, lockPath), resolved, lockPath, current.holder);
      }
      if (current.state === 'dead' && takeOverStale(lockPath, file.raw, content)) return holdLock(resolved, lockPath, info);
    }
    if (Date.now() >= deadline) {
      throw new DataDirLockedError(lockedMessage(dataDir, last.holder, last.state, lockPath), resolved, lockPath, last.holder);
    }
    await sleep(RETRY_DELAY_MS);
  }
}

/** Who holds the lock of a data directory (null when nobody does), for a CLI to print. */
export async function readDataDirLock(dataDir: string): Promise<DataDirLockStatus | null> {
  const lockPath = lockPathFor(dataDir);
  const file = readRaw(lockPath);
  if (file.kind === 'missing') return null;
  return { lockPath, ...stateOf(file.raw, file.ageMs) };
}
