/**
 * Helpline reference data (desks, current taxonomy), the supervisor's live wallboard and the KPIs
 * computed from contacts.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DeskView, KpiView, WallboardView, deskUpsertSchema, kpiQuerySchema, phoneNumberSchema } from '../api/helpline.schemas';
import * as deskRepo from '../db/repos/desk.repo';
import * as orgRepo from '../db/repos/organisation.repo';
import * as statsRepo from '../db/repos/helpline-stats.repo';
import { buildContactConditions } from '../db/repos/contact.repo';
import { ROLE_PERMISSIONS, ROLES } from '../domain/access/roles';
import { buildScopeFilter, canAccessRecord } from '../domain/access/scope';
import { localDay, startOfLocalDay } from '../domain/helpline/local-time';
import { AppError } from '../domain/errors';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { forgetDesks } from './helpline-cache.service';
import { resolveDeskForActor } from './desk-access';
import { getTaxonomy } from './taxonomy.service';

type PhoneNumber = z.infer<typeof phoneNumberSchema>;

function presentDesk(d: deskRepo.DeskRow): DeskView {
  return {
    organisationId: d.organisationId,
    countryCode: d.countryCode,
    name: d.name,
    timeZone: d.timeZone,
    openingHours: d.openingHours as DeskView['openingHours'],
    phoneNumbers: d.phoneNumbers as PhoneNumber[],
    publicIntake: d.publicIntake,
    needsReview: d.needsReview,
  };
}

/** What the console and filters need: the desks the reader works with, and the current taxonomy. */
export async function getHelplineReference(ctx: ServiceContext, actor: Actor) {
  requirePermission(actor, 'contacts.read');
  const desks = (await deskRepo.listDesks(ctx.database.db)).filter(
    (d) => !actor.principal || canAccessRecord(actor.principal, 'contacts.read', { organisationId: d.organisationId, countryCode: d.countryCode }),
  );
  return { desks: desks.map(presentDesk), taxonomy: await getTaxonomy(ctx) };
}

/** Countries whose desk takes reports from the public form, with the numbers to show. */
export async function listPublicDesks(ctx: ServiceContext) {
  const [desks, countries] = await Promise.all([deskRepo.listDesks(ctx.database.db), orgRepo.listCountries(ctx.database.db)]);
  const names = new Map(countries.map((c) => [c.code, c.name]));
  return desks
    .filter((d) => d.publicIntake)
    .map((d) => ({ countryCode: d.countryCode, countryName: names.get(d.countryCode) ?? d.countryCode, deskName: d.name, phoneNumbers: d.phoneNumbers as PhoneNumber[], needsReview: d.needsReview }))
    .sort((a, b) => a.countryName.localeCompare(b.countryName));
}

const LOGGING_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('contacts.write') && !ROLE_PERMISSIONS[r].includes('contacts.review'));

/** Today at one desk, in the desk's time zone: counts per channel and hour, queue, drafts, operators. */
export async function getWallboard(ctx: ServiceContext, actor: Actor, organisationId?: string, now = new Date()): Promise<WallboardView> {
  requirePermission(actor, 'contacts.review');
  const desk = await resolveDeskForActor(ctx, actor, 'contacts.review', organisationId);
  const db = ctx.database.db;
  const dayStart = startOfLocalDay(now, desk.timeZone);
  const [byChannelHour, totals, operatorsOnDuty, longestOpenDraft] = await Promise.all([
    statsRepo.countTodayByChannelHour(db, desk.organisationId, dayStart, desk.timeZone),
    statsRepo.countDeskTotals(db, desk.organisationId, dayStart),
    statsRepo.listOperatorsOnDuty(db, desk.organisationId, LOGGING_ROLES, dayStart),
    statsRepo.findLongestOpenDraft(db, desk.organisationId),
  ]);
  return {
    organisationId: desk.organisationId,
    day: localDay(now, desk.timeZone),
    timeZone: desk.timeZone,
    generatedAt: now.toISOString(),
    ...totals,
    byChannelHour: byChannelHour as WallboardView['byChannelHour'],
    operatorsOnDuty,
    longestOpenDraft,
  };
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Helpline KPIs over a period, within the reader's scope (and an optional desk or country). */
export async function getKpis(ctx: ServiceContext, actor: Actor, q: z.infer<typeof kpiQuerySchema>): Promise<KpiView> {
  requirePermission(actor, 'contacts.review');
  const scope = actor.principal ? buildScopeFilter(actor.principal, 'contacts.review') : { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };
  const where = buildContactConditions({ scope, from: new Date(q.from), to: new Date(q.to), organisationId: q.organisationId, countryCode: q.countryCode }) ?? sql`true`;
  const db = ctx.database.db;
  const [byChannel, totals] = await Promise.all([statsRepo.aggregateKpisByChannel(db, where), statsRepo.aggregateKpiTotals(db, where)]);
  const offered = byChannel.reduce((n, c) => n + c.offered, 0);
  const abandoned = byChannel.reduce((n, c) => n + c.abandoned, 0);
  return {
    from: q.from,
    to: q.to,
    offered,
    handled: totals.handled,
    abandoned,
    byChannel: byChannel.map(({ abandoned: _a, ...c }) => c) as KpiView['byChannel'],
    avgHandleSeconds: totals.avgHandleSeconds,
    medianHandleSeconds: totals.medianHandleSeconds,
    thbReports: totals.thb,
    thbShare: share(totals.thb, totals.handled),
    nonData: totals.nonData,
    nonDataShare: share(totals.nonData, totals.handled),
    outOfHours: totals.outOfHours,
    outOfHoursShare: share(totals.outOfHours, offered),
    policeNotified: totals.police,
    medianMinutesToPolice: totals.policeMinutes,
    nrmNotified: totals.nrm,
    medianMinutesToNrm: totals.nrmMinutes,
  };
}

/** Every desk (administrators and coordinators configure them). */
export async function listDesks(ctx: ServiceContext, actor: Actor): Promise<DeskView[]> {
  requirePermission(actor, 'organisations.read');
  return (await deskRepo.listDesks(ctx.database.db)).map(presentDesk);
}

/**
 * Create or change a desk's settings. The desk that takes the public form's reports for a country is
 * unique: switching it on here switches it off at the country's other desk.
 */
export async function upsertDesk(ctx: ServiceContext, actor: Actor, organisationId: string, input: z.infer<typeof deskUpsertSchema>): Promise<DeskView> {
  requirePermission(actor, 'organisations.manage');
  const org = await orgRepo.findOrganisation(ctx.database.db, organisationId);
  if (!org) throw new AppError('ORGANISATION_NOT_FOUND', 'The organisation does not exist.');
  if (actor.principal && !canAccessRecord(actor.principal, 'organisations.manage', { organisationId, countryCode: org.countryCode })) {
    throw new AppError('OUT_OF_SCOPE', 'This organisation is outside your scope.');
  }
  const view = await inTransaction(ctx, async (tx) => {
    if (input.publicIntake) await deskRepo.clearPublicIntake(tx, org.countryCode, organisationId);
    await deskRepo.upsertDesk(tx, { organisationId, countryCode: org.countryCode, ...input });
    await recordAudit(tx, actor, { action: 'desk.saved', entityType: 'desk', entityId: organisationId, organisationId, countryCode: org.countryCode, details: { publicIntake: input.publicIntake } });
    return presentDesk((await deskRepo.findDesk(tx, organisationId))!);
  });
  forgetDesks(ctx.database);
  return view;
}
