import { useMemo, useState } from 'react';
import { Badge, Button, Group, Menu, Modal, Stack, Table, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SUBSCRIPTION_LANGUAGES } from '../../../api/alert-distribution.schemas';
import type { Country } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { DeadLettersTab } from './distribution/dead-letters.tab';
import { distributionApi, type WebhookSubscription } from './distribution/distribution-api';
import { EmailDistributionTab } from './distribution/email-distribution.tab';
import { SecretOnce, WebhookCreateModal } from './distribution/webhook-create.modal';
import { WebhookDeliveriesDrawer } from './distribution/webhook-deliveries.drawer';

/** Each language in itself. */
const ENDONYMS: Record<(typeof SUBSCRIPTION_LANGUAGES)[number], string> = { en: 'English', el: 'Ελληνικά', bg: 'Български', ro: 'Română', sl: 'Slovenščina', sr: 'Srpski', uk: 'Українська', hu: 'Magyar', ru: 'Русский' };

/** Webhook subscriptions, deliveries and dead letters; e-mail subscribers and the outbox. */
export default function AlertWebhooksPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const subscriptions = useApiQuery<WebhookSubscription[]>('/api/admin/alert-webhooks');
  const countries = useApiQuery<Country[]>('/api/countries');
  const [createOpened, createModal] = useDisclosure(false);
  const [drawerFor, setDrawerFor] = useState<WebhookSubscription | null>(null);
  const [rotatedSecret, setRotatedSecret] = useState<string | null>(null);

  const countryOptions = useMemo(() => (countries.data ?? []).map((c) => ({ value: c.code, label: labels.country(c.code, c.name) })).sort((a, b) => a.label.localeCompare(b.label)), [countries.data, labels]);
  const languageOptions = SUBSCRIPTION_LANGUAGES.map((l) => ({ value: l, label: `${ENDONYMS[l]} (${l})` }));

  const act = async (fn: () => Promise<unknown>, success?: string) => {
    try {
      await fn();
      if (success) notifySuccess(success);
      await subscriptions.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };
  const ping = (s: WebhookSubscription) =>
    act(async () => {
      const r = await distributionApi.ping(s.id);
      if (r.ok) notifySuccess(t('alertDistribution.pingOk', { name: s.name, status: r.statusCode }));
      else notifyError(new Error(t('alertDistribution.pingFailed', { name: s.name, reason: r.statusCode ?? r.error })));
    });
  const rotate = (s: WebhookSubscription) =>
    act(async () => {
      setRotatedSecret((await distributionApi.rotate(s.id)).secret);
    });

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('alertDistribution.title')}
        description={t('alertDistribution.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={createModal.open}>
            {t('alertDistribution.new')}
          </Button>
        }
      />
      <Tabs defaultValue="webhooks" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="webhooks">{t('alertDistribution.tabs.webhooks')}</Tabs.Tab>
          <Tabs.Tab value="dead">{t('alertDistribution.tabs.dead')}</Tabs.Tab>
          <Tabs.Tab value="email">{t('alertDistribution.tabs.email')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="webhooks" pt="md">
          <QueryState loading={subscriptions.loading} error={subscriptions.error} hasData={Boolean(subscriptions.data)} onRetry={() => void subscriptions.reload()}>
            <DataTable
              columns={[t('alertDistribution.name'), t('alertDistribution.host'), t('alertDistribution.countries'), t('alertDistribution.drills'), t('alertDistribution.state'), t('alertDistribution.lastDelivery'), t('alertDistribution.failures')]}
              actions
              minWidth={980}
              testId="webhooks-table"
              emptyText={t('alertDistribution.none')}
            >
              {subscriptions.data?.map((s) => (
                <Table.Tr key={s.id} data-webhook-name={s.name}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => setDrawerFor(s)} aria-label={t('alertDistribution.openDeliveries', { name: s.name })}>
                      {s.name}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.urlHost}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.countries.length ? s.countries.join(', ') : t('alertDistribution.allCountries')}</Text>
                    {s.languages.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {s.languages.join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s.includeDrills ? t('alertDistribution.yes') : t('alertDistribution.no')}</Table.Td>
                  <Table.Td>
                    <Badge color={s.active ? 'green' : 'gray'} variant="light" c="dark.9">
                      {s.active ? t('alertDistribution.active') : t('alertDistribution.paused')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.lastDeliveredAt ? labels.dateTime(s.lastDeliveredAt) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {s.failing > 0 && (
                        <Badge color="orange" variant="light" c="dark.9">
                          {t('alertDistribution.retrying', { count: s.failing })}
                        </Badge>
                      )}
                      {s.dead > 0 && (
                        <Badge color="red" variant="light" c="dark.9">
                          {t('alertDistribution.deadCount', { count: s.dead })}
                        </Badge>
                      )}
                      {s.failing === 0 && s.dead === 0 && <Text size="sm">0</Text>}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button variant="default" size="compact-sm" aria-label={t('alertDistribution.actionsFor', { name: s.name })}>
                          <IconDots size={16} aria-hidden="true" />
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setDrawerFor(s)}>{t('alertDistribution.deliveries')}</Menu.Item>
                        <Menu.Item onClick={() => void ping(s)}>{t('alertDistribution.ping')}</Menu.Item>
                        <Menu.Item onClick={() => void act(() => distributionApi.update(s.id, { active: !s.active }))}>{s.active ? t('alertDistribution.pause') : t('alertDistribution.resume')}</Menu.Item>
                        <Menu.Item onClick={() => void rotate(s)}>{t('alertDistribution.rotate')}</Menu.Item>
                        <Menu.Item color="red" onClick={() => { if (window.confirm(t('alertDistribution.deleteQuestion', { name: s.name }))) void act(() => distributionApi.remove(s.id), t('alertDistribution.deleted', { name: s.name })); }}>
                          {t('alertDistribution.delete')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="dead" pt="md">
          <DeadLettersTab onChanged={() => void subscriptions.reload()} />
        </Tabs.Panel>
        <Tabs.Panel value="email" pt="md">
          <EmailDistributionTab />
        </Tabs.Panel>
      </Tabs>
      <WebhookCreateModal opened={createOpened} onClose={createModal.close} onCreated={() => void subscriptions.reload()} countryOptions={countryOptions} languageOptions={languageOptions} />
      <WebhookDeliveriesDrawer subscription={drawerFor} onClose={() => setDrawerFor(null)} />
      <Modal opened={rotatedSecret !== null} onClose={() => setRotatedSecret(null)} title={t('alertDistribution.rotatedTitle')} size="lg">
        {rotatedSecret && <SecretOnce secret={rotatedSecret} />}
      </Modal>
    </Stack>
  );
}
