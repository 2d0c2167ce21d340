import type { Icon } from '@tabler/icons-react';
import {
  IconAdjustmentsAlt,
  IconAlertTriangle,
  IconMap2,
  IconRss,
  IconUserSearch,
  IconWebhook,
  IconArrowsExchange,
  IconBooks,
  IconBriefcase,
  IconChecklist,
  IconRoute,
  IconSend,
  IconBuilding,
  IconBuildingCommunity,
  IconChartBar,
  IconHeadset,
  IconHistory,
  IconHome,
  IconKey,
  IconLayoutDashboard,
  IconListSearch,
  IconPlugConnected,
  IconTags,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import type { Permission } from '../api/types';

/** One entry of the side navigation. */
export interface NavItem {
  /** Route path inside the app. */
  to: string;
  /** Catalogue key of the label. */
  labelKey: string;
  icon: Icon;
  /** Shown only to users holding this permission; absent means every signed-in user. */
  permission?: Permission;
  /** Which group the item belongs to. */
  group: 'main' | 'admin';
  /** Only for holders of a region-wide membership (network-wide settings such as distribution and ingest). */
  regionWide?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home', icon: IconHome, group: 'main' },
  { to: '/helpline/console', labelKey: 'nav.console', icon: IconHeadset, permission: 'contacts.write', group: 'main' },
  { to: '/contacts', labelKey: 'nav.contacts', icon: IconListSearch, permission: 'contacts.read', group: 'main' },
  { to: '/helpline/wallboard', labelKey: 'nav.wallboard', icon: IconLayoutDashboard, permission: 'contacts.review', group: 'main' },
  { to: '/helpline/kpis', labelKey: 'nav.kpis', icon: IconChartBar, permission: 'contacts.review', group: 'main' },
  { to: '/alerts', labelKey: 'nav.alerts', icon: IconAlertTriangle, permission: 'alerts.read', group: 'main' },
  { to: '/missing', labelKey: 'nav.missing', icon: IconUserSearch, permission: 'cases.read', group: 'main' },
  { to: '/alerts/map', labelKey: 'nav.alertMap', icon: IconMap2, permission: 'alerts.read', group: 'main' },
  { to: '/cases', labelKey: 'nav.cases', icon: IconBriefcase, permission: 'cases.read', group: 'main' },
  { to: '/tasks', labelKey: 'nav.tasks', icon: IconChecklist, permission: 'cases.write', group: 'main' },
  { to: '/referrals', labelKey: 'nav.referrals', icon: IconSend, permission: 'referrals.receive', group: 'main' },
  { to: '/handoffs', labelKey: 'nav.handoffs', icon: IconArrowsExchange, permission: 'cases.write', group: 'main' },
  { to: '/nrm', labelKey: 'nav.nrm', icon: IconRoute, permission: 'cases.read', group: 'main' },
  { to: '/knowledge', labelKey: 'nav.knowledge', icon: IconBooks, permission: 'knowledge.read', group: 'main' },
  { to: '/account', labelKey: 'nav.account', icon: IconUserCircle, group: 'main' },
  { to: '/admin/users', labelKey: 'nav.users', icon: IconUsers, permission: 'users.manage', group: 'admin' },
  { to: '/admin/organisations', labelKey: 'nav.organisations', icon: IconBuilding, permission: 'organisations.manage', group: 'admin' },
  { to: '/admin/desks', labelKey: 'nav.desks', icon: IconBuildingCommunity, permission: 'organisations.manage', group: 'admin' },
  { to: '/admin/tokens', labelKey: 'nav.tokens', icon: IconKey, permission: 'tokens.manage', group: 'admin' },
  { to: '/admin/taxonomy', labelKey: 'nav.taxonomy', icon: IconTags, permission: 'taxonomy.manage', group: 'admin' },
  { to: '/admin/integrations', labelKey: 'nav.integrations', icon: IconPlugConnected, permission: 'integrations.manage', group: 'admin' },
  { to: '/admin/alert-settings', labelKey: 'nav.alertSettings', icon: IconAdjustmentsAlt, permission: 'alerts.configure', group: 'admin' },
  { to: '/admin/alert-webhooks', labelKey: 'nav.alertWebhooks', icon: IconWebhook, permission: 'alerts.configure', group: 'admin', regionWide: true },
  { to: '/admin/alert-ingest', labelKey: 'nav.alertIngest', icon: IconRss, permission: 'alerts.configure', group: 'admin', regionWide: true },
  { to: '/admin/audit', labelKey: 'nav.audit', icon: IconHistory, permission: 'audit.read', group: 'admin' },
];

/** The navigation entries a user with these permissions (and memberships' scopes) may see. */
export function visibleNavItems(permissions: readonly Permission[], scopes: readonly string[] = []): NavItem[] {
  return NAV_ITEMS.filter((item) => (!item.permission || permissions.includes(item.permission)) && (!item.regionWide || scopes.includes('region')));
}

/** Permissions that open the administration group (and with it the API documentation link). */
export const ADMIN_PERMISSIONS: readonly Permission[] = ['users.manage', 'organisations.manage', 'tokens.manage', 'taxonomy.manage', 'integrations.manage', 'alerts.configure', 'audit.read'];
