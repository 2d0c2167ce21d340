import { useState } from 'react';
import { Button, Stack, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { useApiQuery } from '../../lib/use-api-query';
import type { IngestSourceView } from './ingest/ingest-api';
import { IngestSourceModal } from './ingest/ingest-source.modal';
import { IngestedTab } from './ingest/ingested-tab';
import { QuarantineTab } from './ingest/quarantine-tab';
import { SourcesTab, TabBody } from './ingest/sources-tab';

/** Other countries' alert systems: the feeds we poll, what we received, and the quarantine. */
export default function IngestSourcesPage() {
  const { t } = useTranslation();
  const sources = useApiQuery<IngestSourceView[]>('/api/alert-ingest/sources');
  const [editing, setEditing] = useState<IngestSourceView | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const [tab, setTab] = useState<string | null>('sources');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('alertIngest.title')}
        description={t('alertIngest.description')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => {
              setEditing(null);
              setModalOpen(true);
            }}
          >
            {t('alertIngest.sources.add')}
          </Button>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sources">{t('alertIngest.tabs.sources')}</Tabs.Tab>
          <Tabs.Tab value="received">{t('alertIngest.tabs.received')}</Tabs.Tab>
          <Tabs.Tab value="quarantine">{t('alertIngest.tabs.quarantine')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sources">
          <TabBody>
            <SourcesTab
              sources={sources}
              onEdit={(s) => {
                setEditing(s);
                setModalOpen(true);
              }}
              onChanged={() => void sources.reload()}
            />
          </TabBody>
        </Tabs.Panel>
        <Tabs.Panel value="received">
          <TabBody>
            <IngestedTab />
          </TabBody>
        </Tabs.Panel>
        <Tabs.Panel value="quarantine">
          <TabBody>
            <QuarantineTab />
          </TabBody>
        </Tabs.Panel>
      </Tabs>
      <IngestSourceModal opened={modalOpen} source={editing} onClose={() => setModalOpen(false)} onSaved={() => void sources.reload()} />
    </Stack>
  );
}
