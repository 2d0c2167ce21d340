import { PageHeader } from '../../components/page-header';

/** Child alerts: active, drafts awaiting approval, closed. */
export default function AlertListPage() {
  return <PageHeader title="Child alerts: active, drafts awaiting approval, closed." />;
}
