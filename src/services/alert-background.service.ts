/**
 * Background work of child alerts, started by the server on every node: alert expiry, webhook
 * deliveries, outgoing e-mail, polling of other systems' CAP feeds. Each part claims its rows with
 * SKIP LOCKED, so several nodes can run it.
 */
import type { ServiceContext } from './context';

/** Something started in the background that can be stopped. */
export interface BackgroundTask {
  stop(): Promise<void>;
}

/** Start every alert background loop; stop them all with the returned handle. */
export function startAlertBackground(ctx: ServiceContext): BackgroundTask {
  const tasks: BackgroundTask[] = [];
  void ctx;
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
    },
  };
}
