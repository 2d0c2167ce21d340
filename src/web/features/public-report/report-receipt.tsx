import { Button, Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { HelplineNumbers } from './helpline-numbers';
import type { PublicReportReceipt } from './public-report-api';

/** The confirmation: thanks, the reference to keep, and the numbers to call. */
export function ReportReceipt({ receipt, countryName, needsReview, onAnother }: { receipt: PublicReportReceipt; countryName: string; needsReview: boolean; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid="report-receipt">
      <Stack gap="sm" align="center" ta="center">
        <ThemeIcon size={64} radius="xl" color="teal" variant="light" aria-hidden="true">
          <IconHeartHandshake size={36} />
        </ThemeIcon>
        <Title order={2} fz={{ base: 22, sm: 26 }} tabIndex={-1} id="report-thanks">
          {t('publicReport.thanksTitle')}
        </Title>
        <Text>{t('publicReport.thanksText', { country: countryName })}</Text>
      </Stack>
      <Card radius="lg" padding="lg" withBorder bg="teal.0" ta="center">
        <Text fw={600}>{t('publicReport.reference')}</Text>
        <Text fz={{ base: 24, sm: 32 }} fw={800} ff="monospace" data-testid="report-reference" style={{ whiteSpace: 'nowrap' }}>
          {receipt.reference}
        </Text>
        <Text size="sm">{t('publicReport.referenceHint')}</Text>
      </Card>
      <Text fw={600}>{t('publicReport.callAnyTime')}</Text>
      <HelplineNumbers deskNumbers={receipt.phoneNumbers} needsReview={needsReview} countryName={countryName} />
      <Button variant="default" size="md" radius="xl" onClick={onAnother}>
        {t('publicReport.another')}
      </Button>
    </Stack>
  );
}
