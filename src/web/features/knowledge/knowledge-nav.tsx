import { Button, Group } from '@mantine/core';
import { IconBook2, IconAddressBook, IconGavel, IconListCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Permission } from '../../api/types';
import { hasPermission, useSession } from '../../session/session-context';
import './knowledge.css';

const SECTIONS: readonly { to: string; key: string; icon: typeof IconBook2; permission: Permission }[] = [
  { to: '/knowledge', key: 'library', icon: IconBook2, permission: 'knowledge.read' },
  { to: '/knowledge/legal', key: 'legal', icon: IconGavel, permission: 'knowledge.read' },
  { to: '/knowledge/directory', key: 'directory', icon: IconAddressBook, permission: 'knowledge.read' },
  { to: '/knowledge/manage', key: 'manage', icon: IconPencil, permission: 'knowledge.write' },
  { to: '/knowledge/review', key: 'review', icon: IconListCheck, permission: 'knowledge.write' },
];

function isCurrent(to: string, pathname: string): boolean {
  if (to === '/knowledge') return pathname === '/knowledge' || pathname.startsWith('/knowledge/a/');
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The knowledge base's own navigation: library, legal register, directory, and for editors the editor and review queue. */
export function KnowledgeNav() {
  const { t } = useTranslation();
  const { view } = useSession();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('knowledge.nav.label')} gap="xs" data-testid="knowledge-nav">
      {SECTIONS.filter((s) => hasPermission(view, s.permission)).map((section) => {
        const current = isCurrent(section.to, pathname);
        return (
          <Button
            key={section.to}
            component={Link}
            to={section.to}
            size="xs"
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
            leftSection={<section.icon size={16} aria-hidden="true" />}
          >
            {t(`knowledge.nav.${section.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
