import { PageHeader } from '../../components/page-header';

/** Draft a child alert. */
export default function AlertNewPage() {
  return <PageHeader title="Draft a child alert." />;
}
