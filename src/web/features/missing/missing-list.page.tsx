import { PageHeader } from '../../components/page-header';

/** Missing-child cases. */
export default function MissingListPage() {
  return <PageHeader title="Missing-child cases." />;
}
