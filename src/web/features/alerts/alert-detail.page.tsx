import { PageHeader } from '../../components/page-header';

/** One alert: content, criteria, approval, life cycle, messages. */
export default function AlertDetailPage() {
  return <PageHeader title="One alert: content, criteria, approval, life cycle, messages." />;
}
