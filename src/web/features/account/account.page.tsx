import { Badge, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../lib/enums';
import { PageHeader } from '../../components/page-header';
import { isLocale, LANGUAGE_NAMES } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useSession } from '../../session/session-context';
import { ChangePasswordForm } from './change-password-form';
import { TwoFactorCard } from './two-factor-card';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** The signed-in user's own settings: profile, language, password and two-factor authentication. */
export default function AccountPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { view, changeLanguage } = useSession();
  const user = view.user;
  if (!user) return null;

  return (
    <Stack gap="lg">
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section id="account-profile" title={t('account.profileTitle')}>
          <Stack gap={4}>
            <Text fw={600}>{user.displayName}</Text>
            <Text size="sm">{user.email}</Text>
          </Stack>
          <Group gap="xs">
            {user.memberships.map((m) => (
              <Badge key={m.id} variant="light" tt="none" size="lg">
                {t('account.membershipBadge', { role: labels.role(m.role), organisation: m.organisationName })}
              </Badge>
            ))}
          </Group>
          <Select
            label={t('account.language')}
            description={t('account.languageHint')}
            data={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] }))}
            value={user.locale}
            allowDeselect={false}
            onChange={(value) => {
              if (isLocale(value)) void changeLanguage(value);
            }}
            maw={320}
            data-testid="account-language"
          />
        </Section>
        <Section id="account-mfa" title={t('mfa.title')}>
          <TwoFactorCard />
        </Section>
        <Section id="account-password" title={t('account.passwordTitle')}>
          <ChangePasswordForm />
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
