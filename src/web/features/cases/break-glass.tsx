import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconLockAccess } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../lib/labels';
import { useSubmission } from '../../lib/use-submission';
import { casesApi } from './cases-api';

/** The shortest reason the server accepts. */
export const BREAK_GLASS_MIN_REASON = 15;

/** The case is outside the reader's scope: say so, and (with cases.break_glass) offer audited emergency access with a reason. */
export function AccessRefused({ caseId, canBreakGlass, onGranted }: { caseId: string; canBreakGlass: boolean; onGranted: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v: string) => (v.trim().length >= BREAK_GLASS_MIN_REASON ? null : t('cases.breakGlass.reasonTooShort', { min: BREAK_GLASS_MIN_REASON })) },
  });
  const submit = form.onSubmit(async (v) => {
    const ok = await submission.run(async () => {
      await casesApi.breakGlass(caseId, v.reason.trim());
    });
    if (ok) onGranted();
  });
  const length = form.getValues().reason.trim().length;
  return (
    <Paper withBorder p="lg" radius="md" maw={720} data-testid="case-access-denied">
      <Stack gap="md">
        <Group gap="sm">
          <IconLockAccess size={28} aria-hidden="true" />
          <Title order={2} size="h3">
            {t('cases.breakGlass.deniedTitle')}
          </Title>
        </Group>
        <Text>{t('cases.breakGlass.deniedText')}</Text>
        {canBreakGlass ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('cases.breakGlass.warningTitle')}>
                {t('cases.breakGlass.warning')}
              </Alert>
              <Textarea
                label={t('cases.breakGlass.reason')}
                description={t('cases.breakGlass.reasonHint', { min: BREAK_GLASS_MIN_REASON, count: length })}
                required
                autosize
                minRows={3}
                maxLength={1000}
                {...form.getInputProps('reason')}
              />
              <FormError error={submission.error} />
              <Group justify="flex-end">
                <Button variant="default" component={Link} to="/cases">
                  {t('cases.breakGlass.back')}
                </Button>
                <Button type="submit" color="red" loading={submission.busy} data-testid="break-glass-submit">
                  {t('cases.breakGlass.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group>
            <Button variant="default" component={Link} to="/cases">
              {t('cases.breakGlass.back')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Shown on a case read through break-glass: until when, and that the reading is audited. */
export function BreakGlassBanner({ until }: { until: string | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Alert color="red" variant="filled" icon={<IconLockAccess size={18} aria-hidden="true" />} title={t('cases.breakGlass.bannerTitle')} role="status" data-testid="break-glass-banner">
      {t('cases.breakGlass.banner', { until: labels.dateTime(until) })}
    </Alert>
  );
}
