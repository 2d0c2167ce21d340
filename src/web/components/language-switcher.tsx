import { Button, Menu } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../lib/enums';
import { currentLocale, LANGUAGE_NAMES } from '../i18n';
import { useSession } from '../session/session-context';

/**
 * The language menu of the header and the sign-in page. Each language is shown in itself;
 * the choice is remembered on the device and, when signed in, as the user's preference.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSession();
  const active = currentLocale();
  return (
    <Menu position="bottom-end" shadow="md" width={200}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="var(--mantine-color-text)"
          leftSection={<IconLanguage size={18} aria-hidden="true" />}
          rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          aria-label={t('language.switch', { language: LANGUAGE_NAMES[active] })}
          data-testid="language-switcher"
          px="xs"
        >
          <span lang={i18n.language}>{LANGUAGE_NAMES[active]}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            data-locale={locale}
            onClick={() => void changeLanguage(locale)}
            rightSection={locale === active ? <IconCheck size={14} aria-hidden="true" /> : null}
            aria-current={locale === active ? 'true' : undefined}
          >
            {LANGUAGE_NAMES[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
