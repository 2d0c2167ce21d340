/**
 * The pause of a background loop between rounds: it sleeps up to `ms`, and `wake()` ends every current
 * pause at once. A wake that comes while no loop is pausing is remembered, so the next pause returns
 * at once (work queued during a round is not left waiting for the timer).
 */
export interface IdleWaiter {
  /** Pause up to `ms` (the timer does not keep the process alive). */
  wait(ms: number): Promise<void>;
  /** End every current pause, and the next one. */
  wake(): void;
}

/** Create an idle waiter for one loop (or several workers of one loop). */
export function createIdleWaiter(): IdleWaiter {
  const waiters = new Set<() => void>();
  let pending = false;
  return {
    wait(ms) {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        timer.unref?.();
        waiters.add(done);
      });
    },
    wake() {
      pending = true;
      for (const w of [...waiters]) w();
    },
  };
}
