import { useMemo } from 'react';
import { Badge, Button, Code, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrganisationView } from '../../../api/types';
import { ConfirmButton } from '../../../components/confirm-button';
import { DataTable } from '../../../components/data-table';
import { notifyError, notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { IntegrationCreateModal } from './integration-create.modal';
import { INTEGRATION_ENDPOINTS, integrationsApi, type Integration } from './integrations-api';

/** Signed channel integrations (telephony, e-mail gateway): list, register (secret shown once), revoke. */
export default function IntegrationsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const integrations = useApiQuery<Integration[]>('/api/admin/integrations');
  const organisations = useApiQuery<OrganisationView[]>('/api/admin/organisations');
  const [createOpened, createModal] = useDisclosure(false);

  const organisationNames = useMemo(() => new Map((organisations.data ?? []).map((o) => [o.id, `${o.name} (${o.countryCode})`])), [organisations.data]);
  const organisationOptions = useMemo(
    () =>
      (organisations.data ?? [])
        .filter((o) => !o.archived)
        .map((o) => ({ value: o.id, label: `${o.name} (${o.countryCode})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [organisations.data],
  );

  const revoke = async (integration: Integration) => {
    try {
      await integrationsApi.revoke(integration.id);
      notifySuccess(t('integrations.revoked', { name: integration.name }));
      await integrations.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('integrations.title')}
        description={t('integrations.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={createModal.open}>
            {t('integrations.new')}
          </Button>
        }
      />
      <QueryState loading={integrations.loading} error={integrations.error} hasData={Boolean(integrations.data)} onRetry={() => void integrations.reload()}>
        <DataTable
          columns={[t('fields.name'), t('integrations.kind'), t('integrations.desk'), t('integrations.dates'), t('fields.status')]}
          actions
          minWidth={900}
          testId="integrations-table"
          emptyText={t('integrations.none')}
        >
          {integrations.data?.map((integration) => (
            <Table.Tr key={integration.id} data-integration-name={integration.name}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {integration.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`integrations.kinds.${integration.kind}`)}</Text>
                <Code fz="xs">{INTEGRATION_ENDPOINTS[integration.kind]}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{organisationNames.get(integration.organisationId) ?? integration.organisationId}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('integrations.createdOn', { date: labels.date(integration.createdAt) })}</Text>
                <Text size="sm">{t('integrations.lastUsed', { date: labels.dateTime(integration.lastUsedAt) })}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={integration.revoked ? 'red' : 'green'} variant="light" c="dark.9">
                  {integration.revoked ? t('integrations.state.revoked') : t('integrations.state.active')}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                {!integration.revoked && (
                  <ConfirmButton
                    size="xs"
                    question={t('integrations.revokeQuestion', { name: integration.name })}
                    confirmLabel={t('integrations.revoke')}
                    onConfirm={() => revoke(integration)}
                    aria-label={t('integrations.revokeLabel', { name: integration.name })}
                  >
                    {t('integrations.revoke')}
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
      <IntegrationCreateModal opened={createOpened} onClose={createModal.close} onCreated={() => void integrations.reload()} organisationOptions={organisationOptions} />
    </Stack>
  );
}
