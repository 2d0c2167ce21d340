/**
 * Low-level helpers for lock files: atomic exclusive creation, reading, and deciding whether the
 * process named in a lock file is still alive. Used by data-dir-lock.ts.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

/** Who holds a lock file: enough to tell a live holder from a stale one. */
export interface ProcessIdentity {
  pid: number;
  hostname: string;
  /** Linux kernel boot id: a different one means the machine rebooted since. */
  bootId?: string;
  /** Linux process start time (clock ticks since boot): a different one means the pid was reused. */
  procStart?: string;
}

/** What a lock file says about its holder, as far as this process can tell. */
export type HolderState = 'alive' | 'dead' | 'other-host';

function readTrimmed(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Start time of a process from /proc (Linux only; undefined elsewhere or when it is gone). */
export function processStartTime(pid: number): string | undefined {
  const stat = readTrimmed(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Field 22 (starttime); the command name (field 2) may contain spaces, so count after its ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

/** The identity of the current process. */
export function currentIdentity(): ProcessIdentity {
  const bootId = readTrimmed('/proc/sys/kernel/random/boot_id');
  const procStart = processStartTime(process.pid);
  return { pid: process.pid, hostname: os.hostname(), ...(bootId ? { bootId } : {}), ...(procStart ? { procStart } : {}) };
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the holder named in a lock file still runs. A holder on another host cannot be checked
 * and is reported as such (callers treat it as alive). `isOwnToken` recognises the locks this
 * process holds, to tell our own lock from one left by an earlier process that had the same pid.
 */
export function holderState(holder: ProcessIdentity & { token?: string }, isOwnToken: (token: string) => boolean): HolderState {
  const me = currentIdentity();
  if (holder.hostname !== me.hostname) return 'other-host';
  if (holder.bootId && me.bootId && holder.bootId !== me.bootId) return 'dead';
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return 'dead';
  if (holder.pid === process.pid) {
    if (holder.token && isOwnToken(holder.token)) return 'alive';
    // Same pid and start time: another thread of this very process. Otherwise a previous process
    // had our pid (a container restarted with the server as pid 1, say).
    if (holder.procStart && me.procStart) return holder.procStart === me.procStart ? 'alive' : 'dead';
    return 'dead';
  }
  if (!pidExists(holder.pid)) return 'dead';
  const start = holder.procStart ? processStartTime(holder.pid) : undefined;
  if (start && start !== holder.procStart) return 'dead';
  return 'alive';
}

/**
 * Create `file` with `content` only if it does not exist yet, atomically: the content is written
 * to a private temporary file which is then hard-linked to `file` (link fails if `file` exists),
 * so no reader ever sees a half-written lock. Falls back to O_EXCL on filesystems without links.
 * @returns true when created, false when `file` already existed.
 */
export function createExclusive(file: string, content: string): boolean {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o644 });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A lock file as read from disk. */
export type RawLockFile = { kind: 'missing' } | { kind: 'present'; raw: string; ageMs: number };

/** Read a lock file's bytes and age (ENOENT gives `missing`). */
export function readRaw(file: string): RawLockFile {
  try {
    const raw = fs.readFileSync(file, 'utf8');
    const ageMs = Date.now() - fs.statSync(file).mtimeMs;
    return { kind: 'present', raw, ageMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
}

/** Parse lock-file JSON; null when it is not an object with a numeric pid and a hostname. */
export function parseHolder<T extends ProcessIdentity>(raw: string): T | null {
  try {
    const value = JSON.parse(raw) as Partial<T> | null;
    if (value && typeof value === 'object' && typeof value.pid === 'number' && typeof value.hostname === 'string') return value as T;
  } catch {
    /* fall through: corrupt */
  }
  return null;
}

/** Remove a file, ignoring one that is already gone. */
export function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}
