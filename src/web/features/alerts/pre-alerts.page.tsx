import { PageHeader } from '../../components/page-header';

/** Pre-alerts received from and sent to neighbouring countries. */
export default function PreAlertsPage() {
  return <PageHeader title="Pre-alerts received from and sent to neighbouring countries." />;
}
