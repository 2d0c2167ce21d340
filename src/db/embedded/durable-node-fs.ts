/**
 * A PGlite filesystem for Node that makes acknowledged commits reach the disk.
 *
 * PGlite 0.5.16 on Node loses durability in three places, all fixed here:
 * 1. It starts PostgreSQL with `-F` (fsync=off). DURABLE_START_PARAMS drops it and sets
 *    fsync, synchronous_commit, full_page_writes and wal_sync_method explicitly.
 * 2. `fsync(fd)` reaches Emscripten's WASI `fd_sync`, which calls `stream_ops.fsync` of the
 *    mounted filesystem; NODEFS defines none, so it is a no-op. We add one that calls
 *    `fs.fsyncSync` on the host file descriptor (PostgreSQL's data files, checkpoints,
 *    directories after renames).
 * 3. `fdatasync(fd)` is the syscall import `__syscall_fdatasync`, which only validates the fd.
 *    PostgreSQL uses it for the WAL at every commit (wal_sync_method=fdatasync). We wrap
 *    PGlite's `instantiateWasm` to replace that import with one that calls `fs.fdatasyncSync`.
 * If PGlite's internals ever stop matching, init throws instead of silently running unsafe.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** How many real host syncs this filesystem has made. */
export interface SyncCounts {
  fsync: number;
  fdatasync: number;
}

/** PGlite's default start parameters with fsync on and the WAL sync method we hook pinned. */
export const DURABLE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  ...['-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'full_page_writes=on', '-c', 'wal_sync_method=fdatasync'],
];

type InitArgs = Parameters<NodeFS['init']>;
type InitResult = Awaited<ReturnType<NodeFS['init']>>;

/** The parts of an Emscripten stream and module this file touches (not in PGlite's types). */
interface EmStream {
  nfd?: number;
}
interface EmModule {
  FS: { getStream(fd: number): EmStream | null };
  NODEFS?: {
    stream_ops?: { fsync?: (stream: EmStream) => number };
    tryFSOperation<T>(operation: () => T): T;
    convertNodeCode(err: unknown): number | undefined;
  };
}
type SyscallFn = (fd: number) => number;
interface HookableOptions {
  preRun?: Array<(mod: EmModule) => void>;
  instantiateWasm?: (imports: Record<string, Record<string, unknown>>, onSuccess: (...args: unknown[]) => void) => unknown;
}

/** Emscripten's EIO, for a host error without a known errno. */
const EM_EIO = 29;

/** NodeFS whose fsync and fdatasync really sync the host files. */
export class DurableNodeFS extends NodeFS {
  /** Real host syncs made so far (for tests and diagnostics). */
  readonly syncCounts: SyncCounts = { fsync: 0, fdatasync: 0 };

  override async init(...[pg, opts]: InitArgs): Promise<InitResult> {
    const result = await super.init(pg, opts);
    const emOpts = result.emscriptenOpts as HookableOptions;
    const instantiate = emOpts.instantiateWasm;
    if (!instantiate) throw new Error('PGlite internals changed: no instantiateWasm to hook fdatasync into.');
    let mod: EmModule | undefined;

    emOpts.instantiateWasm = (imports, onSuccess) => {
      const table = Object.values(imports).find((t) => typeof t.__syscall_fdatasync === 'function');
      if (!table) throw new Error('PGlite internals changed: no __syscall_fdatasync import to hook.');
      const original = table.__syscall_fdatasync as SyscallFn;
      table.__syscall_fdatasync = (fd: number): number => {
        const nfd = mod?.FS.getStream(fd)?.nfd;
        if (typeof nfd !== 'number') return original(fd);
        try {
          fs.fdatasyncSync(nfd);
          this.syncCounts.fdatasync++;
          return 0;
        } catch (err) {
          return -(mod?.NODEFS?.convertNodeCode(err) ?? EM_EIO);
        }
      };
      return instantiate(imports, onSuccess);
    };

    emOpts.preRun = [
      ...(emOpts.preRun ?? []),
      (module: EmModule) => {
        const nodefs = module.NODEFS;
        if (!nodefs?.stream_ops) throw new Error('PGlite internals changed: no NODEFS stream operations to hook fsync into.');
        mod = module;
        nodefs.stream_ops.fsync = (stream: EmStream): number => {
          const nfd = stream.nfd;
          if (typeof nfd !== 'number') return 0;
          // Throws FS.ErrnoError on failure, which fd_sync returns as the errno: PostgreSQL then
          // PANICs (data_sync_retry=off) instead of trusting a write that may be lost.
          nodefs.tryFSOperation(() => fs.fsyncSync(nfd));
          this.syncCounts.fsync++;
          return 0;
        };
      },
    ];
    return result;
  }
}
