import { Alert, Anchor, Badge, Button, Divider, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconHeadset } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { useSubmission } from '../../lib/use-submission';
import { useSession } from '../../session/session-context';
import { useContactFieldLabels } from '../helpline/contacts/contact-field-labels';
import type { ContactView } from '../helpline/helpline-api';
import { localInputToIso } from './case-helpers';
import { useCaseLabels } from './case-labels';
import { casesApi } from './cases-api';
import { EMPTY_PERSON, isPersonEmpty, PersonFields, toPersonInput, type PersonFormValues } from './person-fields';
import { assignableOptions, caseTeamOf, useAssignableUsers } from './use-assignable-users';

interface NewCaseValues extends PersonFormValues {
  title: string;
  summary: string;
  priority: string;
  manager: string;
  reportedAt: string;
}

/** Open a case directly, or from a contact (?contact=<id>): title, summary, priority, manager, when reported, the first person. */
export default function CaseNewPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  const contactLabels = useContactFieldLabels();
  const navigate = useNavigate();
  const { view } = useSession();
  const [params] = useSearchParams();
  const contactId = params.get('contact');
  const contact = useApiQuery<ContactView>(contactId ? `/api/contacts/${encodeURIComponent(contactId)}` : null);
  const submission = useSubmission();
  const team = useAssignableUsers(caseTeamOf(view.user?.memberships));
  const form = useForm<NewCaseValues>({
    mode: 'controlled',
    initialValues: { ...EMPTY_PERSON, title: '', summary: '', priority: 'normal', manager: 'me', reportedAt: '' },
    validate: {
      title: (v) => (v.trim() ? null : t('cases.new.titleRequired')),
      reportedAt: (v) => (v && !localInputToIso(v) ? t('cases.new.reportedAtInvalid') : null),
    },
  });

  const submit = form.onSubmit(async (v) => {
    let createdId = '';
    const ok = await submission.run(async () => {
      const created = await casesApi.create({
        title: v.title.trim(),
        summary: v.summary.trim() || null,
        priority: v.priority as 'normal',
        assignedUserId: v.manager === 'me' ? (view.user?.id ?? null) : v.manager === 'none' ? null : v.manager,
        reportedAt: localInputToIso(v.reportedAt) ?? undefined,
        contactIds: contactId ? [contactId] : [],
        person: isPersonEmpty(v) ? undefined : { ...toPersonInput(v), languages: v.languages },
      });
      createdId = created.id;
    });
    if (ok) {
      notifySuccess(t('cases.new.created'));
      void navigate(`/cases/${createdId}`);
    }
  });

  const linked = contact.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t('cases.new.title')} description={t('cases.new.description')} />
      {contactId && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="from-contact" data-testid="from-contact">
          <Group gap="xs" mb="xs">
            <IconHeadset size={18} aria-hidden="true" />
            <Title order={2} size="h4" id="from-contact">
              {t('cases.new.fromContact')}
            </Title>
          </Group>
          {contact.error ? (
            <FormError error={contact.error} />
          ) : linked ? (
            <Stack gap={4}>
              <Anchor component={Link} to={`/contacts/${linked.id}`} fw={600}>
                {linked.reference}
              </Anchor>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {`${labels.dateTime(linked.startedAt)} · ${contactLabels.label('channel', linked.channel)}`}
                </Text>
                {linked.isThb && (
                  <Badge color="red.9" size="sm">
                    {t('console.thb')}
                  </Badge>
                )}
              </Group>
              {linked.notes && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                  {linked.notes}
                </Text>
              )}
              {linked.caseId && (
                <Alert color="yellow" variant="light" role="alert">
                  {t('cases.new.contactAlreadyLinked')}{' '}
                  <Anchor component={Link} to={`/cases/${linked.caseId}`}>
                    {t('cases.new.openLinkedCase')}
                  </Anchor>
                </Alert>
              )}
            </Stack>
          ) : (
            <Text size="sm">{t('common.loading')}</Text>
          )}
        </Paper>
      )}
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate aria-labelledby="case-details-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="case-details-title">
              {t('cases.new.details')}
            </Title>
            <TextInput label={t('cases.fields.title')} description={t('cases.new.titleHint')} required maxLength={200} data-autofocus {...form.getInputProps('title')} />
            <Textarea label={t('cases.fields.summary')} autosize minRows={3} maxLength={10000} {...form.getInputProps('summary')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select label={t('cases.fields.priority')} data={caseLabels.options('priority')} allowDeselect={false} {...form.getInputProps('priority')} />
              <Select
                label={t('cases.fields.manager')}
                data={[
                  { value: 'me', label: t('cases.new.managerMe', { name: view.user?.displayName ?? '' }) },
                  { value: 'none', label: t('cases.unassigned') },
                  ...assignableOptions(team.users, [view.user?.id]),
                ]}
                allowDeselect={false}
                {...form.getInputProps('manager')}
              />
              <TextInput type="datetime-local" label={t('cases.fields.reportedAt')} description={t('cases.new.reportedAtHint')} {...form.getInputProps('reportedAt')} />
            </SimpleGrid>
            <Divider />
            <Title order={2} size="h4">
              {t('cases.new.firstPerson')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('cases.new.firstPersonHint')}
            </Text>
            <PersonFields form={form} />
            <FormError error={submission.error} />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/cases">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={submission.busy}>
                {t('cases.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
