import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, Container, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDoorExit, IconLanguage, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { QueryState } from '../../components/query-state';
import { currentLocale, isLocale, LANGUAGE_NAMES } from '../../i18n';
import { LOCALES } from '../../lib/enums';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { useDocumentTitle } from '../../lib/use-document-title';
import { HelplineNumbers } from './helpline-numbers';
import type { PublicDesk, PublicReportReceipt } from './public-report-api';
import { quickExit, useEscapeTwiceToExit } from './quick-exit';
import { ReportForm } from './report-form';
import { ReportReceipt } from './report-receipt';

/** The country a language most likely comes from, to preselect the desk. */
const COUNTRY_OF_LANGUAGE: Partial<Record<Locale, string>> = { el: 'GR', bg: 'BG', ro: 'RO', sl: 'SI', sr: 'RS', uk: 'UA', hu: 'HU' };

/** The language asked for in the address (?lang=el), if it is one of the interface languages. */
function languageFromAddress(): Locale | null {
  const value = new URLSearchParams(window.location.search).get('lang');
  return isLocale(value) ? value : null;
}

/** The top bar: language choice and the quick-exit button, always in view. */
function TopBar() {
  const { t, i18n } = useTranslation();
  const choose = (locale: string) => {
    if (!isLocale(locale)) return;
    // Not remembered on the device: a visitor of this page may share it with someone else.
    void i18n.changeLanguage(locale);
    const url = new URL(window.location.href);
    url.searchParams.set('lang', locale);
    window.history.replaceState(window.history.state, '', url);
  };
  return (
    <Box component="header" pos="sticky" top={0} bg="white" style={{ zIndex: 100, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size={680} py="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <NativeSelect
            aria-label={t('publicReport.language')}
            leftSection={<IconLanguage size={18} aria-hidden="true" />}
            value={currentLocale()}
            onChange={(e) => choose(e.currentTarget.value)}
            data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            data-testid="report-language"
            style={{ flex: '0 1 170px', minWidth: 0 }}
          />
          <Button
            color="red.8"
            size="md"
            radius="xl"
            px="md"
            leftSection={<IconDoorExit size={20} aria-hidden="true" />}
            onClick={quickExit}
            data-testid="quick-exit"
            title={t('publicReport.quickExitHint')}
            style={{ flexShrink: 0 }}
          >
            {t('publicReport.quickExit')}
          </Button>
        </Group>
      </Container>
    </Box>
  );
}

/** The public report form: no account, calm, in nine languages, with a quick exit and the free numbers. */
export default function PublicReportPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  useDocumentTitle(t('publicReport.title'));
  useEscapeTwiceToExit();
  const desks = useApiQuery<PublicDesk[]>('/api/public/desks');
  const [receipt, setReceipt] = useState<PublicReportReceipt | null>(null);
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    const asked = languageFromAddress();
    if (asked && asked !== i18n.language) void i18n.changeLanguage(asked);
  }, [i18n]);

  const countries = useMemo(
    () =>
      (desks.data ?? [])
        .map((d) => ({ value: d.countryCode, label: labels.country(d.countryCode, d.countryName) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [desks.data, labels],
  );
  const guess = COUNTRY_OF_LANGUAGE[currentLocale()];
  const defaultCountry = countries.some((c) => c.value === guess) ? (guess ?? '') : countries.length === 1 ? (countries[0]?.value ?? '') : '';
  const deskOf = (code: string | undefined) => desks.data?.find((d) => d.countryCode === code);

  const sent = (next: PublicReportReceipt) => {
    setReceipt(next);
    window.scrollTo(0, 0);
    requestAnimationFrame(() => document.getElementById('report-thanks')?.focus());
  };

  const receiptDesk = deskOf(receipt?.countryCode);
  return (
    <Box mih="100vh" bg="gray.0">
      <TopBar />
      <Container size={680} py="lg" component="main" id="main-content">
        <Stack gap="lg">
          <Text size="sm" ta="right" mt={-8}>
            {t('publicReport.quickExitHint')}
          </Text>
          {receipt ? (
            <Paper radius="lg" p={{ base: 'md', sm: 'xl' }} withBorder>
              <ReportReceipt
                receipt={receipt}
                countryName={labels.country(receipt.countryCode, receiptDesk?.countryName)}
                needsReview={receiptDesk?.needsReview ?? false}
                onAnother={() => {
                  setReceipt(null);
                  setFormKey((k) => k + 1);
                }}
              />
            </Paper>
          ) : (
            <>
              <Stack gap="xs">
                <Title order={1} fz={{ base: 26, sm: 32 }}>
                  {t('publicReport.title')}
                </Title>
                <Text size="lg">{t('publicReport.intro')}</Text>
              </Stack>
              <Alert
                color="teal"
                variant="light"
                radius="lg"
                icon={<IconLock size={20} aria-hidden="true" />}
                title={t('publicReport.anonymousTitle')}
                styles={{ title: { color: 'var(--mantine-color-dark-9)' }, message: { color: 'var(--mantine-color-dark-9)' } }}
              >
                <Text size="sm">{t('publicReport.anonymous')}</Text>
              </Alert>
              <Stack gap="xs">
                <Title order={2} fz="lg">
                  {t('publicReport.numbersTitle')}
                </Title>
                <HelplineNumbers deskNumbers={[]} needsReview={false} countryName={null} />
                <Text size="sm" fw={600}>
                  {t('publicReport.emergency')}
                </Text>
              </Stack>
              <Paper radius="lg" p={{ base: 'md', sm: 'xl' }} withBorder>
                <Title order={2} fz="lg" mb="md">
                  {t('publicReport.formTitle')}
                </Title>
                <QueryState loading={desks.loading} error={desks.error} hasData={Boolean(desks.data)} onRetry={() => void desks.reload()}>
                  {desks.data && (
                    <ReportForm key={formKey} countries={countries} defaultCountry={defaultCountry} desks={desks.data} onSent={sent} />
                  )}
                </QueryState>
              </Paper>
              <Text size="sm" ta="center">
                {t('publicReport.privacy')}
              </Text>
            </>
          )}
        </Stack>
      </Container>
    </Box>
  );
}

