import { PageHeader } from '../../components/page-header';

/** Webhook subscriptions, deliveries and dead letters; e-mail subscribers. */
export default function AlertWebhooksPage() {
  return <PageHeader title="Webhook subscriptions, deliveries and dead letters; e-mail subscribers." />;
}
