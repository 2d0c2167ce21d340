import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { IconApi, IconExternalLink, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { visibleNavItems, type NavItem } from '../lib/nav';
import { useSession } from '../session/session-context';

function isActive(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** The side navigation: items filtered by the user's permissions, then sign-out. */
export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { view, signOut } = useSession();
  const { pathname } = useLocation();
  const items = visibleNavItems(view.user?.permissions ?? [], view.user?.memberships.map((m) => m.scope) ?? []);
  const main = items.filter((item) => item.group === 'main');
  const admin = items.filter((item) => item.group === 'admin');

  const renderItem = (item: NavItem) => {
    const active = isActive(item, pathname);
    return (
      <NavLink
        key={item.to}
        component={RouterNavLink}
        to={item.to}
        end={item.to === '/'}
        label={t(item.labelKey)}
        leftSection={<item.icon size={18} stroke={1.6} aria-hidden="true" />}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
      />
    );
  };

  return (
    <Stack gap={4} justify="space-between" h="100%">
      <Stack gap={4}>
        {main.map(renderItem)}
        {admin.length > 0 && (
          <>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="md" mb={4} px="sm" id="nav-admin-heading">
              {t('nav.administration')}
            </Text>
            <Stack gap={4} role="group" aria-labelledby="nav-admin-heading">
              {admin.map(renderItem)}
              <NavLink
                component="a"
                href="/api/docs"
                target="_blank"
                rel="noopener"
                label={t('nav.apiDocs')}
                leftSection={<IconApi size={18} stroke={1.6} aria-hidden="true" />}
                rightSection={<IconExternalLink size={14} aria-label={t('common.opensInNewTab')} />}
              />
            </Stack>
          </>
        )}
      </Stack>
      <Stack gap={4}>
        <Divider />
        <NavLink
          component="button"
          type="button"
          label={t('auth.signOut')}
          leftSection={<IconLogout size={18} stroke={1.6} aria-hidden="true" />}
          onClick={() => {
            onNavigate();
            void signOut();
          }}
        />
      </Stack>
    </Stack>
  );
}
