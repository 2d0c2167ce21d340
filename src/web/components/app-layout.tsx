import { Suspense, useEffect } from 'react';
import { Anchor, AppShell, Avatar, Box, Burger, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout, IconUser, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/session-context';
import { Brand } from './brand';
import { DemoBanner } from './demo-banner';
import { FullPageLoader } from './full-page-loader';
import { LanguageSwitcher } from './language-switcher';
import { NavLinks } from './nav-links';

/** The signed-in frame: header with brand, language and user menu; navbar (a burger on phones); main. */
export function AppLayout() {
  const { t } = useTranslation();
  const { view, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const user = view.user;

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <Anchor href="#main-content" className="victor-skip-link">
        {t('common.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="victor-navbar"
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Brand compact />
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            {user && (
              <Menu position="bottom-end" shadow="md" width={240}>
                <Menu.Target>
                  <UnstyledButton aria-label={t('nav.userMenu', { name: user.displayName })} data-testid="user-menu">
                    <Group gap={8} wrap="nowrap">
                      <Avatar color="blue" radius="xl" size={34} aria-hidden="true">
                        <IconUser size={18} />
                      </Avatar>
                      <Text size="sm" fw={600} visibleFrom="md">
                        {user.displayName}
                      </Text>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{user.email}</Menu.Label>
                  <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden="true" />}>
                    {t('nav.account')}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconLogout size={16} aria-hidden="true" />} onClick={() => void signOut()}>
                    {t('auth.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="victor-navbar" aria-label={t('nav.label')}>
        <NavLinks onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Box mx={{ base: 'calc(var(--mantine-spacing-sm) * -1)', sm: 'calc(var(--mantine-spacing-lg) * -1)' }} mt={{ base: 'calc(var(--mantine-spacing-sm) * -1)', sm: 'calc(var(--mantine-spacing-lg) * -1)' }} mb="md">
          <DemoBanner />
        </Box>
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
