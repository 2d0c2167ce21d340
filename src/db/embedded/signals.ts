/**
 * Graceful shutdown on SIGTERM/SIGINT: drain HTTP, checkpoint and close the database, release
 * the data directory lock, in that order, once. A second signal, or a shutdown that hangs,
 * forces the exit.
 */

/** Minimal structured logger (pino's Logger fits). */
export interface ShutdownLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A step of the shutdown. */
export type CloseFn = () => Promise<void> | void;

/** Options of installShutdownHandlers (defaults suit a server process). */
export interface ShutdownOptions {
  /** Signals to handle. Default SIGTERM and SIGINT. */
  signals?: readonly NodeJS.Signals[];
  /** Force exit 1 when the close functions take longer than this. Default 30 s; 0 disables. */
  timeoutMs?: number;
  /** How to end the process (tests replace it). Default process.exit. */
  exit?: (code: number) => void;
}

/**
 * On the first SIGTERM/SIGINT, run `closeFns` one after the other (a failing one is logged and
 * the next still runs), then exit 0, or 1 if any failed. A second signal exits 1 at once.
 * @returns a function that removes the handlers.
 */
export function installShutdownHandlers(closeFns: readonly CloseFn[], logger: ShutdownLogger, options: ShutdownOptions = {}): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const timeoutMs = options.timeoutMs ?? 30_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;

  async function shutDown(signal: NodeJS.Signals): Promise<void> {
    logger.info({ signal }, 'shutting down');
    if (timeoutMs > 0) {
      const timer = setTimeout(() => {
        logger.error({ timeoutMs }, 'shutdown took too long; forcing exit');
        exit(1);
      }, timeoutMs);
      timer.unref();
    }
    let failed = false;
    for (const [step, close] of closeFns.entries()) {
      try {
        await close();
      } catch (err) {
        failed = true;
        logger.error({ err, step }, 'a shutdown step failed');
      }
    }
    logger.info({ signal, failed }, 'shut down');
    exit(failed ? 1 : 0);
  }

  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal during shutdown; forcing exit');
      exit(1);
      return;
    }
    shuttingDown = true;
    void shutDown(signal);
  };

  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
