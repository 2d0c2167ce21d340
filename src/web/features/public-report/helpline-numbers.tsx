import { Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EUROPEAN_NUMBERS } from '../../../domain/helpline/contact-fields';
import type { PhoneNumber } from './public-report-api';

/** A number as a tel: link (digits only). */
function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** One big free number with what it is for. */
function BigNumber({ number, label, testId }: { number: string; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card radius="lg" padding="sm" bg="blue.0" withBorder>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="xl" variant="filled" aria-hidden="true" visibleFrom="sm">
          <IconPhoneCall size={24} />
        </ThemeIcon>
        <Stack gap={0}>
          <Anchor href={telHref(number)} fz={{ base: 26, sm: 30 }} fw={800} lh={1.1} style={{ whiteSpace: 'nowrap' }} c="blue.9" underline="never" data-testid={testId}>
            {number}
          </Anchor>
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Text size="xs">{t('publicReport.freeNumber')}</Text>
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * The region-wide free numbers 116 000 and 116 111, always shown; and the national desk's numbers,
 * marked when the desk still has to confirm them.
 */
export function HelplineNumbers({ deskNumbers, needsReview, countryName, deskOnly = false }: { deskNumbers: PhoneNumber[]; needsReview: boolean; countryName: string | null; deskOnly?: boolean }) {
  const { t } = useTranslation();
  const others = deskNumbers.filter((n) => n.number.replace(/\s/g, '') !== '116000' && n.number.replace(/\s/g, '') !== '116111');
  if (deskOnly && (!countryName || others.length === 0)) return null;
  return (
    <Stack gap="sm" data-testid={deskOnly ? 'desk-numbers' : 'helpline-numbers'}>
      {!deskOnly && (
        <SimpleGrid cols={2} spacing="sm">
          <BigNumber number={EUROPEAN_NUMBERS.missingChildren} label={t('publicReport.services.missing_children')} testId="number-116000" />
          <BigNumber number={EUROPEAN_NUMBERS.childHelpline} label={t('publicReport.services.child_helpline')} testId="number-116111" />
        </SimpleGrid>
      )}
      {countryName && others.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('publicReport.deskNumbers', { country: countryName })}
          </Text>
          {others.map((n) => (
            <Text size="sm" key={`${n.service}-${n.number}`}>
              <Anchor href={telHref(n.number)} fw={700}>
                {n.number}
              </Anchor>
              {` · ${t(`publicReport.services.${n.service}`)}`}
            </Text>
          ))}
          {needsReview && (
            <Text size="xs" c="dimmed" data-testid="numbers-need-review">
              {t('publicReport.toBeConfirmed')}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
