import { PageHeader } from '../../components/page-header';

/** Other systems' CAP feeds and the quarantine. */
export default function IngestSourcesPage() {
  return <PageHeader title="Other systems' CAP feeds and the quarantine." />;
}
