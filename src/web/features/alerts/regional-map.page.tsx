import { PageHeader } from '../../components/page-header';

/** Regional map of active alerts, ours and other systems'. */
export default function RegionalMapPage() {
  return <PageHeader title="Regional map of active alerts, ours and other systems'." />;
}
