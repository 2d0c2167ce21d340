import type { Icon } from '@tabler/icons-react';
import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconBooks,
  IconBuilding,
  IconChartBar,
  IconClipboardList,
  IconFolder,
  IconHistory,
  IconKey,
  IconListCheck,
  IconMap,
  IconPhoneCall,
  IconSchool,
  IconUserCircle,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import type { Permission, Role } from '../../api/types';

/** A card of the home dashboard. Cards without `to` belong to areas of a later release. */
export interface HomeCard {
  id: string;
  icon: Icon;
  /** Route of an area that exists; absent for areas still to come. */
  to?: string;
  /** Shown to users holding any of these roles… */
  roles?: readonly Role[];
  /** …or this permission. */
  permission?: Permission;
}

const CARDS: readonly HomeCard[] = [
  { id: 'logContact', icon: IconPhoneCall, roles: ['helpline_operator'] },
  { id: 'todaysContacts', icon: IconClipboardList, roles: ['helpline_operator', 'supervisor'] },
  { id: 'reviewContacts', icon: IconListCheck, roles: ['supervisor', 'country_coordinator'] },
  { id: 'myCases', icon: IconFolder, roles: ['case_manager', 'supervisor'] },
  { id: 'countryOverview', icon: IconMap, roles: ['country_coordinator'] },
  { id: 'regionalOverview', icon: IconWorld, roles: ['regional_coordinator'] },
  { id: 'childAlerts', icon: IconAlertTriangle, roles: ['country_coordinator', 'regional_coordinator', 'liaison_officer'] },
  { id: 'referrals', icon: IconArrowsExchange, roles: ['liaison_officer'] },
  { id: 'trainings', icon: IconSchool, roles: ['trainer', 'regional_coordinator'] },
  { id: 'knowledgeBase', icon: IconBooks, to: '/knowledge', permission: 'knowledge.read' },
  { id: 'statistics', icon: IconChartBar, roles: ['evaluator', 'supervisor', 'country_coordinator', 'regional_coordinator'] },
  { id: 'users', icon: IconUsers, to: '/admin/users', permission: 'users.manage' },
  { id: 'organisations', icon: IconBuilding, to: '/admin/organisations', permission: 'organisations.manage' },
  { id: 'apiTokens', icon: IconKey, to: '/admin/tokens', permission: 'tokens.manage' },
  { id: 'auditLog', icon: IconHistory, to: '/admin/audit', permission: 'audit.read' },
  { id: 'account', icon: IconUserCircle, to: '/account' },
];

/**
 * The cards relevant to a user's roles and permissions: areas that exist first, then those coming
 * in a later release, and the account card (which every user gets) last.
 */
export function cardsFor(roles: readonly Role[], permissions: readonly Permission[]): HomeCard[] {
  const relevant = CARDS.filter((card) => {
    if (!card.roles && !card.permission) return true;
    if (card.roles?.some((role) => roles.includes(role))) return true;
    return card.permission !== undefined && permissions.includes(card.permission);
  });
  const general = relevant.filter((card) => !card.roles && !card.permission);
  const specific = relevant.filter((card) => card.roles || card.permission);
  return [...specific.filter((card) => card.to), ...specific.filter((card) => !card.to), ...general];
}
