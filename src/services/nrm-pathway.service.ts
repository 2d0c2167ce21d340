/**
 * NRM pathways as data per country, versioned: a country desk drafts the next version (stages, the
 * directory entries that act at each stage, the answer time expected) and publishes it, which retires the
 * version before. Referrals follow the published version's steps.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { LOCALES } from '../api/common.schemas';
import type { PathwayActor, PathwayInput, pathwayListSchema, PathwayView } from '../api/referrals.schemas';
import type { Db } from '../db/database';
import * as caseRepo from '../db/repos/case.repo';
import { countryExists } from '../db/repos/legal-instrument.repo';
import * as repo from '../db/repos/nrm-pathway.repo';
import { canAccessRecord } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import type { NrmStage } from '../domain/knowledge/knowledge-fields';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

export type Locale = (typeof LOCALES)[number];
type PathwayList = z.infer<typeof pathwayListSchema>;

/** A text in the wanted language, falling back to English, then to any language given. */
export function pickText(texts: Record<string, string> | null | undefined, lang: string): string | null {
  if (!texts) return null;
  return texts[lang] || texts.en || Object.values(texts).find((t) => !!t) || null;
}

/** A directory entry as an actor of a pathway step or a referral. */
export function presentActor(e: repo.ActorEntryRow): PathwayActor {
  return { id: e.id, name: e.name, kind: e.kind, city: e.city, organisationId: e.organisationId, inApp: e.organisationId !== null, languages: [...e.languages] };
}

/** A pathway with its steps and their actors, titles in `lang` (English fallback). */
export async function buildPathwayView(db: Db, row: repo.PathwayRow, lang: string): Promise<PathwayView> {
  const steps = await repo.listSteps(db, [row.id]);
  const entries = await repo.mapActorEntries(db, steps.flatMap((s) => s.actorIds));
  const names = await caseRepo.mapUserNames(db, [row.publishedBy]);
  return {
    id: row.id,
    countryCode: row.countryCode,
    version: row.version,
    status: row.status as PathwayView['status'],
    title: pickText(row.titles, lang) ?? '',
    titles: row.titles,
    notes: row.notes,
    needsReview: row.needsReview,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy ? { id: row.publishedBy, displayName: names.get(row.publishedBy) ?? '' } : null,
    steps: steps.map((s) => ({
      id: s.id,
      stage: s.stage as NrmStage,
      position: s.position,
      title: pickText(s.titles, lang) ?? s.stage,
      description: pickText(s.descriptions, lang),
      titles: s.titles,
      descriptions: s.descriptions,
      slaHours: s.slaHours,
      actors: s.actorIds.map((id) => entries.get(id)).filter((e): e is repo.ActorEntryRow => !!e).map(presentActor),
    })),
  };
}

/** The pathways (all versions), newest first per country. Needs cases.read. */
export async function listPathways(ctx: ServiceContext, actor: Actor, q: { country?: string; lang?: string }): Promise<PathwayList> {
  requirePermission(actor, 'cases.read');
  const db = ctx.database.db;
  const rows = await repo.listPathways(db, q.country);
  const counts = await repo.countSteps(db, rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      countryCode: r.countryCode,
      version: r.version,
      status: r.status as PathwayView['status'],
      title: pickText(r.titles, q.lang ?? 'en') ?? '',
      steps: counts.get(r.id) ?? 0,
      needsReview: r.needsReview,
      publishedAt: r.publishedAt?.toISOString() ?? null,
    })),
  };
}

/** The published pathway of a country (PATHWAY_NOT_FOUND when it has none). Needs cases.read. */
export async function getCurrentPathway(ctx: ServiceContext, actor: Actor, countryCode: string, lang = 'en'): Promise<PathwayView> {
  requirePermission(actor, 'cases.read');
  const row = await repo.findPublishedPathway(ctx.database.db, countryCode.toUpperCase());
  if (!row) throw new AppError('PATHWAY_NOT_FOUND', 'This country has no published referral pathway yet.');
  return buildPathwayView(ctx.database.db, row, lang);
}

/** One pathway version. Needs cases.read. */
export async function getPathway(ctx: ServiceContext, actor: Actor, id: string, lang = 'en'): Promise<PathwayView> {
  requirePermission(actor, 'cases.read');
  const row = await repo.findPathway(ctx.database.db, id);
  if (!row) throw new AppError('PATHWAY_NOT_FOUND', 'No such pathway.');
  return buildPathwayView(ctx.database.db, row, lang);
}

function assertCountryScope(actor: Actor, countryCode: string): void {
  requirePermission(actor, 'network.manage');
  if (actor.principal && !canAccessRecord(actor.principal, 'network.manage', { countryCode })) {
    throw new AppError('FORBIDDEN', 'Pathways are managed by the country’s coordinator or the regional coordination.');
  }
}

/** Every actor must be an existing, non-archived directory entry of the country. */
async function assertActors(db: Db, countryCode: string, actorIds: readonly string[]): Promise<void> {
  const entries = await repo.mapActorEntries(db, actorIds);
  const bad = actorIds.filter((id) => {
    const e = entries.get(id);
    return !e || e.archivedAt !== null || e.countryCode !== countryCode;
  });
  if (bad.length > 0) throw new AppError('REFERRAL_ACTOR_NOT_FOUND', `Unknown or archived directory entries for ${countryCode}: ${bad.join(', ')}`);
}

/** Insert a pathway version with its steps (no checks, no audit): shared by the service and the demo seed. */
export async function insertPathwayVersion(tx: Db, input: PathwayInput, o: { version: number; status: 'draft' | 'published'; createdBy: string | null; needsReview: boolean; publishedAt?: Date | null }): Promise<repo.PathwayRow> {
  const id = randomUUID();
  return repo.insertPathway(
    tx,
    {
      id,
      countryCode: input.countryCode,
      version: o.version,
      status: o.status,
      titles: input.titles as Record<string, string>,
      notes: input.notes ?? null,
      needsReview: o.needsReview,
      createdBy: o.createdBy,
      publishedBy: o.status === 'published' ? o.createdBy : null,
      publishedAt: o.status === 'published' ? (o.publishedAt ?? new Date()) : null,
    },
    input.steps.map((s, i) => ({
      id: randomUUID(),
      pathwayId: id,
      stage: s.stage,
      position: i + 1,
      titles: s.titles as Record<string, string>,
      descriptions: (s.descriptions ?? {}) as Record<string, string>,
      slaHours: s.slaHours ?? null,
      actorIds: [...new Set(s.actorIds ?? [])],
    })),
  );
}

/**
 * Save the country's draft as the next version (replacing an existing draft). Needs network.manage over
 * the country (its coordinator; regional coordination for any). Audited.
 */
export async function savePathwayDraft(ctx: ServiceContext, actor: Actor, input: PathwayInput, lang = 'en'): Promise<PathwayView> {
  assertCountryScope(actor, input.countryCode);
  return inTransaction(ctx, async (tx) => {
    if (!(await countryExists(tx, input.countryCode))) {
      throw new AppError('VALIDATION_FAILED', 'That country is not in the network.', { issues: [{ path: 'countryCode', message: 'unknown country' }] });
    }
    await assertActors(tx, input.countryCode, input.steps.flatMap((s) => s.actorIds ?? []));
    const existing = await repo.findDraftPathway(tx, input.countryCode);
    if (existing) await repo.deleteDraftPathway(tx, existing.id);
    const version = (await repo.findLastReleasedVersion(tx, input.countryCode)) + 1;
    const row = await insertPathwayVersion(tx, input, { version, status: 'draft', createdBy: actor.principal?.userId ?? null, needsReview: true });
    await recordAudit(tx, actor, {
      action: 'nrm_pathway.drafted',
      entityType: 'nrm_pathway',
      entityId: row.id,
      countryCode: row.countryCode,
      details: { version, steps: input.steps.length, replaced: existing?.id ?? null },
    });
    return buildPathwayView(tx, row, lang);
  });
}

/** Publish a draft; the version published before is retired. Needs network.manage over the country. Audited. */
export async function publishPathway(ctx: ServiceContext, actor: Actor, id: string, lang = 'en'): Promise<PathwayView> {
  requirePermission(actor, 'network.manage');
  return inTransaction(ctx, async (tx) => {
    const draft = await repo.findPathway(tx, id);
    if (!draft) throw new AppError('PATHWAY_NOT_FOUND', 'No such pathway.');
    assertCountryScope(actor, draft.countryCode);
    if (draft.status !== 'draft') throw new AppError('PATHWAY_VERSION_CONFLICT', `Version ${draft.version} is ${draft.status}; only a draft can be published.`);
    const steps = await repo.listSteps(tx, [draft.id]);
    await assertActors(tx, draft.countryCode, steps.flatMap((s) => s.actorIds));
    const retired = await repo.retirePublishedPathway(tx, draft.countryCode);
    const row = await repo.markPathwayPublished(tx, draft.id, actor.principal?.userId ?? null, new Date());
    if (!row) throw new AppError('PATHWAY_VERSION_CONFLICT', 'The draft changed meanwhile; reload it.');
    await recordAudit(tx, actor, {
      action: 'nrm_pathway.published',
      entityType: 'nrm_pathway',
      entityId: row.id,
      countryCode: row.countryCode,
      details: { version: row.version, retiredVersion: retired?.version ?? null },
    });
    return buildPathwayView(tx, row, lang);
  });
}
