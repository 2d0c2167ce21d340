/**
 * Reading referrals: who reaches a referral (the referring desk through the case's scope; the receiving
 * actor's liaison officers through referrals.receive in the receiver organisation), the referrals of a
 * case, the inbox and sent lists, and one referral. Anyone else gets REFERRAL_NOT_FOUND and the attempt
 * is audited.
 */
import { z } from 'zod';
import type { caseReferralsSchema, referralListQuerySchema, referralPageSchema, ReferralView } from '../api/referrals.schemas';
import type { Db } from '../db/database';
import { listPersons } from '../db/repos/case-person.repo';
import * as caseRepo from '../db/repos/case.repo';
import { mapActorEntries, mapStepsWithVersion } from '../db/repos/nrm-pathway.repo';
import * as repo from '../db/repos/referral.repo';
import { ROLE_PERMISSIONS, type Permission } from '../domain/access/roles';
import { buildScopeFilter, canAccessRecord, hasPermission, isEmptyScope } from '../domain/access/scope';
import type { ReferralSide, ReferralStatus } from '../domain/cases/referral-workflow';
import { AppError } from '../domain/errors';
import { guardCaseAccess, loadCaseWithAccess, locationOfCase, recordCaseView, resolveCaseAccess, type CaseAccess } from './case-access';
import { inTransaction, recordAudit, type Actor, type ServiceContext } from './context';
import { listHandoffViewsForCase } from './handoff-read.service';
import { actionsFor, mayShareNames, presentReferral, presentReferralSummary, type ReferralLookups } from './referral-presenter';

type ListQuery = z.output<typeof referralListQuerySchema>;
type ReferralPage = z.infer<typeof referralPageSchema>;
type CaseReferrals = z.infer<typeof caseReferralsSchema>;

/** The organisations where the actor holds a permission through a membership (whatever its scope). */
export function organisationsWith(actor: Actor, permission: Permission): string[] {
  const p = actor.principal;
  if (!p) return [];
  if (p.tokenPermissions && !p.tokenPermissions.includes(permission)) return [];
  return [...new Set(p.memberships.filter((m) => ROLE_PERMISSIONS[m.role].includes(permission)).map((m) => m.organisationId))];
}

/** Thrown for a referral the actor may not reach (answers 404); guardReferralAccess audits it after rollback. */
export class ReferralAccessDeniedError extends AppError {
  constructor(readonly referral: Pick<repo.ReferralRow, 'id' | 'caseId' | 'organisationId' | 'countryCode'>, readonly attempted: string) {
    super('REFERRAL_NOT_FOUND', 'No such referral.');
  }
}

/**
 * Run a referral use-case in one transaction (through guardCaseAccess, which audits refused case
 * access); a refused referral is audited as 'referral.access_denied' in a transaction of its own.
 */
export async function guardReferralAccess<T>(ctx: ServiceContext, actor: Actor, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await guardCaseAccess(ctx, actor, fn);
  } catch (err) {
    if (err instanceof ReferralAccessDeniedError) {
      await inTransaction(ctx, (tx) =>
        recordAudit(tx, actor, {
          action: 'referral.access_denied',
          entityType: 'referral',
          entityId: err.referral.id,
          organisationId: err.referral.organisationId,
          countryCode: err.referral.countryCode,
          details: { attempted: err.attempted, caseId: err.referral.caseId },
        }),
      );
    }
    throw err;
  }
}

/** How the actor reaches one referral. */
export interface ReferralReach {
  row: repo.ReferralRow;
  caseRow: caseRepo.CaseRow;
  caseAccess: CaseAccess;
  /** Reads it as the referring desk (case read access). */
  sender: boolean;
  /** A liaison officer of the receiving organisation (sent referrals only). */
  receiver: boolean;
  /** The side the views are presented from. */
  side: ReferralSide;
}

/** Load a referral and work out the actor's reach; REFERRAL_NOT_FOUND (audited) when they have none. */
export async function loadReferralReach(tx: Db, actor: Actor, id: string, attempted: string): Promise<ReferralReach> {
  const row = await repo.findReferral(tx, id);
  if (!row) throw new AppError('REFERRAL_NOT_FOUND', 'No such referral.');
  const caseRow = await caseRepo.findCaseById(tx, row.caseId);
  if (!caseRow) throw new AppError('REFERRAL_NOT_FOUND', 'No such referral.');
  const caseAccess = await resolveCaseAccess(tx, actor, caseRow);
  const receiver = row.status !== 'draft' && row.receiverOrganisationId !== null && organisationsWith(actor, 'referrals.receive').includes(row.receiverOrganisationId);
  if (!caseAccess.read && !receiver) throw new ReferralAccessDeniedError(row, attempted);
  return { row, caseRow, caseAccess, sender: caseAccess.read, receiver, side: caseAccess.read ? 'sender' : 'receiver' };
}

/** Names, actors and steps a set of referrals shows. */
export async function loadReferralLookups(tx: Db, rows: readonly repo.ReferralRow[], extraUserIds: readonly (string | null)[] = []): Promise<ReferralLookups> {
  const snapshotUsers = rows.map((r) => (r.consentSnapshot as { recordedBy?: string | null } | null)?.recordedBy ?? null);
  const orgNames = await caseRepo.mapOrganisationNames(tx, rows.map((r) => r.organisationId));
  const userNames = await caseRepo.mapUserNames(tx, [...rows.flatMap((r) => [r.createdBy, r.consentOverrideBy]), ...snapshotUsers, ...extraUserIds]);
  const entries = await mapActorEntries(tx, rows.map((r) => r.directoryEntryId));
  const steps = await mapStepsWithVersion(tx, rows.map((r) => r.stepId));
  return { orgNames, userNames, entries, steps };
}

/** The actions of a reader on one referral. */
export function readerActions(reach: Pick<ReferralReach, 'row' | 'caseAccess' | 'receiver' | 'side'>) {
  const status = reach.row.status as ReferralStatus;
  if (reach.side === 'receiver') return actionsFor(status, 'receiver', reach.receiver, false);
  return actionsFor(status, 'sender', reach.caseAccess.write, reach.row.receiverOrganisationId === null);
}

/** A referral in full as the reader sees it. */
export async function buildReferralView(tx: Db, ctx: ServiceContext, reach: ReferralReach, lang: string): Promise<ReferralView> {
  const { row, caseRow } = reach;
  const events = await repo.listEventsOfReferrals(tx, [row.id]);
  const look = await loadReferralLookups(tx, [row], events.map((e) => e.actorUserId));
  const person = row.personId ? (await listPersons(tx, row.caseId, ['potential_victim'])).find((p) => p.id === row.personId) : null;
  const withNames = reach.side === 'sender' ? reach.caseAccess.sensitive : mayShareNames(row);
  return presentReferral(
    ctx,
    row,
    look,
    { caseInfo: { reference: caseRow.reference, concernLevel: caseRow.concernLevel, forms: caseRow.forms }, person, withNames, events },
    reach.side,
    readerActions(reach),
    lang,
  );
}

/** Log the read: receivers as 'case.referral_viewed' (via referral), the desk as a case view. */
export async function auditReferralRead(tx: Db, actor: Actor, reach: ReferralReach, action: 'case.referral_viewed' | 'case.packet_downloaded'): Promise<void> {
  const c = reach.caseRow;
  if (action === 'case.referral_viewed' && reach.side === 'sender') {
    await recordCaseView(tx, actor, c, reach.caseAccess.via);
    return;
  }
  await recordAudit(tx, actor, {
    action,
    entityType: 'case',
    entityId: c.id,
    organisationId: c.organisationId,
    countryCode: c.countryCode,
    details: { via: reach.side === 'receiver' ? 'referral' : reach.caseAccess.via, referralId: reach.row.id },
  });
}

/** One referral (sender: case read access; receiver: the receiving organisation's liaison officers). */
export async function getReferral(ctx: ServiceContext, actor: Actor, id: string, lang = 'en'): Promise<ReferralView> {
  return guardReferralAccess(ctx, actor, async (tx) => {
    const reach = await loadReferralReach(tx, actor, id, 'read');
    await auditReferralRead(tx, actor, reach, 'case.referral_viewed');
    return buildReferralView(tx, ctx, reach, lang);
  });
}

/** The referrals (side sender) and hand-offs of a case. Needs read access to the case. */
export async function listCaseReferrals(ctx: ServiceContext, actor: Actor, caseId: string, lang = 'en'): Promise<CaseReferrals> {
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: caseRow, access } = await loadCaseWithAccess(tx, actor, caseId, 'read');
    const rows = await repo.listCaseReferrals(tx, caseId);
    const events = await repo.listEventsOfReferrals(tx, rows.map((r) => r.id));
    const look = await loadReferralLookups(tx, rows, events.map((e) => e.actorUserId));
    const persons = rows.some((r) => r.personId) ? await listPersons(tx, caseId, ['potential_victim']) : [];
    const caseInfo = { reference: caseRow.reference, concernLevel: caseRow.concernLevel, forms: caseRow.forms };
    const referrals = rows.map((row) =>
      presentReferral(
        ctx,
        row,
        look,
        { caseInfo, person: persons.find((p) => p.id === row.personId), withNames: access.sensitive, events: events.filter((e) => e.referralId === row.id) },
        'sender',
        readerActions({ row, caseAccess: access, receiver: false, side: 'sender' }),
        lang,
      ),
    );
    const handoffs = await listHandoffViewsForCase(tx, ctx, actor, caseRow);
    return { referrals, handoffs };
  });
}

/**
 * The inbox (referrals received by the organisations where the actor holds referrals.receive) or the
 * sent list (referrals of cases in the actor's cases.read scope), newest first, keyset-paged.
 */
export async function listReferrals(ctx: ServiceContext, actor: Actor, query: ListQuery, lang = 'en'): Promise<ReferralPage> {
  const p = actor.principal;
  const after = query.cursor ? repo.decodeReferralCursor(query.cursor) : null;
  if (query.cursor && !after) throw new AppError('VALIDATION_FAILED', 'Invalid cursor.', { issues: [{ path: 'cursor', message: 'invalid cursor' }] });
  const page = { statuses: query.status, overdue: query.overdue, limit: query.limit + 1, after: after ?? undefined, now: new Date() };
  const db = ctx.database.db;
  let rows: repo.ReferralListRow[];
  let side: ReferralSide;
  if (query.box === 'inbox') {
    const orgs = organisationsWith(actor, 'referrals.receive');
    if (p && orgs.length === 0) throw new AppError('FORBIDDEN', 'Only liaison officers of a receiving organisation have a referral inbox.');
    rows = await repo.listInboxPage(db, orgs, page);
    side = 'receiver';
  } else {
    if (p && !hasPermission(p, 'cases.read')) throw new AppError('FORBIDDEN', 'This needs the permission cases.read.');
    const scope = p ? buildScopeFilter(p, 'cases.read') : { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };
    rows = isEmptyScope(scope) ? [] : await repo.listSentPage(db, scope, page);
    side = 'sender';
  }
  const more = rows.length > query.limit;
  const shown = rows.slice(0, query.limit);
  const look = await loadReferralLookups(db, shown);
  const items = shown.map((row) => {
    const status = row.status as ReferralStatus;
    const write = p === null || canAccessRecord(p, 'cases.write', locationOfCase({ organisationId: row.organisationId, countryCode: row.countryCode, assignedUserId: row.caseAssignedUserId, createdBy: row.caseCreatedBy }));
    const actions = side === 'receiver' ? actionsFor(status, 'receiver', true, false) : actionsFor(status, 'sender', write, row.receiverOrganisationId === null);
    return presentReferralSummary(row, row.caseInfo, look, side, actions, lang);
  });
  const last = shown[shown.length - 1];
  return { items, nextCursor: more && last ? repo.encodeReferralCursor(last) : null };
}
