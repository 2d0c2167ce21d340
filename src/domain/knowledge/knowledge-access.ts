import { ROLE_PERMISSIONS, type Permission } from '../access/roles';
import { hasPermission, scopeCovers, type Principal } from '../access/scope';
import type { Audience } from './knowledge-fields';

/**
 * Who may read and change knowledge-base records. Pure functions over a principal; services call them
 * after the route's permission check, so a record outside the editor's scope is refused.
 */

/**
 * The audiences a principal may read: everyone reads `public`; staff with `knowledge.read` read
 * `professionals`; `internal` (canned answers, desk procedures) needs desk work or editing rights too.
 * A null principal is the public.
 */
export function listReadableAudiences(principal: Principal | null): Audience[] {
  if (!principal || !hasPermission(principal, 'knowledge.read')) return ['public'];
  const desk = hasPermission(principal, 'contacts.read') || hasPermission(principal, 'knowledge.write');
  return desk ? ['public', 'professionals', 'internal'] : ['public', 'professionals'];
}

/** Where an article, instrument or directory entry sits, for scope checks. */
export interface KnowledgeRecord {
  organisationId: string | null;
  countryCode: string | null;
}

/**
 * True when a grant of the permission covers the record. An organisation-scoped grant covers its
 * organisation's records in its own country (or regional ones) only: a desk cannot publish about another
 * country by owning the article.
 */
function covers(principal: Principal, permission: Permission, record: KnowledgeRecord): boolean {
  if (principal.tokenPermissions && !principal.tokenPermissions.includes(permission)) return false;
  return principal.memberships.some(
    (g) =>
      ROLE_PERMISSIONS[g.role].includes(permission) &&
      scopeCovers(principal.userId, g, record) &&
      (g.scope !== 'organisation' || record.countryCode === null || record.countryCode === g.countryCode),
  );
}

/**
 * May the principal write this record? Country records need `knowledge.write` covering the country or the
 * owning organisation. Regional records (no country) may be drafted by any editor: translators across the
 * network add their language to regional articles; publishing them still needs a regional reviewer.
 */
export function canEditKnowledge(principal: Principal, record: KnowledgeRecord): boolean {
  if (record.countryCode === null) return hasPermission(principal, 'knowledge.write');
  return covers(principal, 'knowledge.write', record);
}

/** May the principal publish, reject or archive it, or confirm its facts? `knowledge.review` covering it. */
export function canReviewKnowledge(principal: Principal, record: KnowledgeRecord): boolean {
  return covers(principal, 'knowledge.review', record);
}
