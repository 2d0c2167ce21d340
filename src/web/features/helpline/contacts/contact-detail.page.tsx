import { Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBriefcase, IconFolderPlus, IconHeadset, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { useApiQuery } from '../../../lib/use-api-query';
import { hasPermission, useSession } from '../../../session/session-context';
import { CallerProfilePanel } from '../console/caller-profile-panel';
import type { ContactView } from '../helpline-api';
import { useHelplineReference } from '../use-helpline-reference';
import { useContactFieldLabels } from './contact-field-labels';
import { ContactDetailSections } from './contact-detail-sections';
import { ReviewPanel } from './review-panel';

/** One contact in full: its fields, notes, the caller's profile, the review, and "Continue in console" for one's own draft. */
export default function ContactDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { view } = useSession();
  const fields = useContactFieldLabels();
  const reference = useHelplineReference();
  const query = useApiQuery<ContactView>(id ? `/api/contacts/${id}` : null);
  const contact = query.data;
  const own = contact?.status === 'draft' && contact.operatorUserId === view.user?.id && hasPermission(view, 'contacts.write');

  return (
    <Stack gap="lg">
      <PageHeader
        title={contact ? t('contacts.detailTitle', { reference: contact.reference }) : t('contacts.detailLoading')}
        description={contact ? `${fields.label('status', contact.status)} · ${fields.label('channel', contact.channel)}` : undefined}
        actions={
          contact && (
            <>
              {own && (
                <Button component={Link} to={`/helpline/console/${contact.id}`} leftSection={<IconHeadset size={16} aria-hidden="true" />}>
                  {t('contacts.continue')}
                </Button>
              )}
              {contact.caseId && hasPermission(view, 'cases.read') && (
                <Button component={Link} to={`/cases/${contact.caseId}`} variant="default" leftSection={<IconBriefcase size={16} aria-hidden="true" />} data-testid="contact-case-link">
                  {t('cases.fromContact.openLinked')}
                </Button>
              )}
              {!contact.caseId && hasPermission(view, 'cases.write') && (
                <Button component={Link} to={`/cases/new?contact=${contact.id}`} variant={own ? 'default' : 'filled'} leftSection={<IconFolderPlus size={16} aria-hidden="true" />} data-testid="contact-open-case">
                  {t('cases.fromContact.open')}
                </Button>
              )}
            </>
          )
        }
      />
      <QueryState loading={query.loading} error={query.error} hasData={Boolean(contact)} onRetry={() => void query.reload()}>
        {contact && (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="md">
                <ContactDetailSections contact={contact} reference={reference} />
                <Paper withBorder p="md" radius="md" component="section" aria-labelledby="notes-title">
                  <Group gap="xs" mb="sm">
                    <Title order={2} size="h4" id="notes-title">
                      {t('contactFields.labels.notes')}
                    </Title>
                    <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden="true" />} styles={{ label: { textTransform: 'none' } }}>
                      {t('contacts.encrypted')}
                    </Badge>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="contact-notes">
                    {contact.notes || t('contacts.noNotes')}
                  </Text>
                </Paper>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="md">
                {hasPermission(view, 'contacts.review') && <ReviewPanel contact={contact} onReviewed={() => void query.reload()} />}
                {contact.callerProfile ? (
                  <CallerProfilePanel profile={contact.callerProfile} lookedUp onChange={() => void query.reload()} readOnly={!hasPermission(view, 'contacts.write')} />
                ) : (
                  <Paper withBorder p="md" radius="md">
                    <Text size="sm" c="dimmed">
                      {t('contacts.noProfile')}
                    </Text>
                  </Paper>
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </QueryState>
    </Stack>
  );
}
