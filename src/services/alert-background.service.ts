/**
 * Background work of child alerts, started by the server on every node: alert expiry, webhook
 * deliveries, outgoing e-mail, polling of other systems' CAP feeds. Each part claims its rows with
 * SKIP LOCKED, so several nodes can run it.
 */
import { startDistributionBackground } from './alert-webhook-background';
import { startAlertExpiryLoop } from './alert-lifecycle.service';
import type { ServiceContext } from './context';
import { startIngestPoller } from './alert-ingest-poll.service';

/** Something started in the background that can be stopped. */
export interface BackgroundTask {
  stop(): Promise<void>;
}

/** Start every alert background loop; stop them all with the returned handle. */
export function startAlertBackground(ctx: ServiceContext): BackgroundTask {
  const tasks: BackgroundTask[] = [];
  tasks.push(startAlertExpiryLoop(ctx));
  tasks.push(startDistributionBackground(ctx));
  tasks.push(startIngestPoller(ctx));
  void ctx;
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
    },
  };
}
