import { PageHeader } from '../../components/page-header';

/** Report a missing child (opens a missing-child case). */
export default function MissingNewPage() {
  return <PageHeader title="Report a missing child (opens a missing-child case)." />;
}
