/** The distribution loops of a node: webhook dispatcher and mail sender, woken by nudgeDistribution. */
import type { BackgroundTask } from './alert-background.service';
import { onDistributionNudge } from './alert-publication';
import { startWebhookDispatcher, type DispatcherOptions } from './alert-webhook-dispatch.service';
import type { ServiceContext } from './context';
import { startMailSender, type MailSender } from './mail-outbox.service';

/** Start the webhook dispatcher and the mail sender; stop both with the handle. */
export function startDistributionBackground(ctx: ServiceContext, options: DispatcherOptions = {}): BackgroundTask {
  const dispatcher = startWebhookDispatcher(ctx, options);
  let mail: MailSender | null = null;
  const mailStarting = startMailSender(ctx).then(
    (m) => {
      mail = m;
      return m;
    },
    (err: unknown) => {
      ctx.logger.error({ err: (err as Error).message }, 'mail sender did not start');
      return null;
    },
  );
  const unregister = onDistributionNudge(() => {
    dispatcher.nudge();
    mail?.nudge();
  });
  return {
    async stop() {
      unregister();
      await Promise.all([dispatcher.stop(), mailStarting.then((m) => m?.stop())]);
    },
  };
}
