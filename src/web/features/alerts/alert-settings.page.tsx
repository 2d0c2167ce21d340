import { PageHeader } from '../../components/page-header';

/** Each country's alert settings. */
export default function AlertSettingsPage() {
  return <PageHeader title="Each country's alert settings." />;
}
