import { Alert, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConcernBadge } from './case-badges';
import { useCaseLabels } from './case-labels';
import type { ScreeningResult } from './cases-api';
import { FULL_BADGE } from './case-badges';

/** A screening's derived result: concern level, suggested next step, why (the answers that led to it), what is missing. */
export function ScreeningResultView({ result, headingId }: { result: ScreeningResult; headingId: string }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  return (
    <Stack gap="sm" data-testid="screening-result">
      <Group gap="sm">
        <ConcernBadge concern={result.concern} />
        <Text size="sm" fw={600}>
          {t('cases.screening.nextStep', { step: labels.label('nextStep', result.nextStep) })}
        </Text>
      </Group>
      {result.forms.length > 0 && (
        <Group gap={4}>
          <Text size="sm">{t('cases.screening.forms')}</Text>
          {result.forms.map((f) => (
            <Badge key={f} variant="outline" color="dark" styles={FULL_BADGE}>
              {labels.label('form', f)}
            </Badge>
          ))}
        </Group>
      )}
      <Title order={3} size="h6" id={headingId}>
        {t('cases.screening.why')}
      </Title>
      {result.reasons.length === 0 ? (
        <Text size="sm">{t('cases.screening.noReasons')}</Text>
      ) : (
        <List size="sm" spacing={4} aria-labelledby={headingId} data-testid="screening-reasons">
          {result.reasons.map((r) => (
            <List.Item key={r.code}>
              {t('cases.screening.reason', { label: r.label, element: labels.label('element', r.element), strength: labels.label('strength', r.strength) })}
            </List.Item>
          ))}
        </List>
      )}
      {result.missing.length > 0 && <Text size="sm">{t('cases.screening.missing', { elements: result.missing.map((e) => labels.label('element', e)).join(', ') })}</Text>}
      {result.meansWaived && (
        <Text size="sm" data-testid="means-waived">
          {t('cases.screening.meansWaived')}
        </Text>
      )}
      {result.unanswered.length > 0 && <Text size="sm" c="dimmed">{t('cases.screening.unanswered', { count: result.unanswered.length })}</Text>}
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden="true" />}>
        {t('cases.screening.advisory')}
      </Alert>
    </Stack>
  );
}
