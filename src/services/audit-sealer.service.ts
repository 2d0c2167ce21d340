/**
 * The background loop that seals appended audit entries into the hash chain on every app node
 * (only one node seals at a time: the others find the lock taken and try again next tick).
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import { sealAuditLog } from '../db/repos/audit.repo';

/** A running sealer loop. */
export interface AuditSealer {
  /** Stop the loop and wait for a seal in progress (does not seal once more). */
  stop(): Promise<void>;
}

/** Seal every `intervalMs`; failures are logged (no entry content) and retried on the next tick. */
export function startAuditSealer(db: Db, logger: Logger, intervalMs: number): AuditSealer {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    timer = null;
    running = sealAuditLog(db)
      .then(
        (n) => {
          if (n > 0) logger.debug({ sealed: n }, 'sealed audit entries');
        },
        (err: unknown) => {
          const e = err as { code?: string; cause?: { code?: string } };
          logger.error({ code: e.cause?.code ?? e.code }, 'sealing audit entries failed; retrying');
        },
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  timer = setTimeout(tick, intervalMs).unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
