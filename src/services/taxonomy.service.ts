/**
 * The harmonised taxonomy as data: read any version, edit a draft (regional codes for regional
 * coordinators, local sub-codes for a country's own coordinators), publish it as the new current
 * version. Published versions never change; each contact keeps the version it was recorded with.
 */
import type { z } from 'zod';
import type { TaxonomyCodeView, TaxonomyView, taxonomyCodeUpsertSchema } from '../api/taxonomy.schemas';
import * as taxonomyRepo from '../db/repos/taxonomy.repo';
import { buildScopeFilter, canAccessRecord } from '../domain/access/scope';
import { checkCodeEdit, indexCodes, type TaxonomyCode, type TaxonomyModule } from '../domain/helpline/taxonomy';
import { REGIONAL_TAXONOMY } from '../domain/helpline/taxonomy.data';
import { TAXONOMY_LABELS } from '../domain/helpline/taxonomy-labels.data';
import { AppError } from '../domain/errors';
import type { Db } from '../db/database';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { forgetCurrentTaxonomy, toTaxonomyCodes } from './helpline-cache.service';

function presentCode(c: TaxonomyCode): TaxonomyCodeView {
  return { ...c };
}

async function presentVersion(db: Db, v: taxonomyRepo.TaxonomyVersionRow): Promise<TaxonomyView> {
  const codes = toTaxonomyCodes(await taxonomyRepo.listCodes(db, v.version));
  return {
    version: v.version,
    status: v.status as TaxonomyView['status'],
    notes: v.notes,
    createdAt: v.createdAt.toISOString(),
    publishedAt: v.publishedAt?.toISOString() ?? null,
    codeCount: codes.length,
    codes: codes.map(presentCode),
  };
}

/** A version with its codes (default: the current published one). Any signed-in user may read it. */
export async function getTaxonomy(ctx: ServiceContext, version?: number): Promise<TaxonomyView> {
  const db = ctx.database.db;
  const row = version ? await taxonomyRepo.findVersion(db, version) : await taxonomyRepo.findCurrentVersion(db);
  if (!row) throw new AppError('TAXONOMY_VERSION_NOT_FOUND', 'That taxonomy version does not exist.');
  return presentVersion(db, row);
}

/** Every version, newest first. */
export async function listTaxonomyVersions(ctx: ServiceContext) {
  return (await taxonomyRepo.listVersions(ctx.database.db)).map((v) => ({
    version: v.version,
    status: v.status as TaxonomyView['status'],
    notes: v.notes,
    createdAt: v.createdAt.toISOString(),
    publishedAt: v.publishedAt?.toISOString() ?? null,
    codeCount: v.codeCount,
  }));
}

/** Open a draft copied from the current version. */
export async function createTaxonomyDraft(ctx: ServiceContext, actor: Actor, input: { notes?: string }): Promise<TaxonomyView> {
  requirePermission(actor, 'taxonomy.manage');
  return inTransaction(ctx, async (tx) => {
    if (await taxonomyRepo.findDraft(tx)) throw new AppError('TAXONOMY_DRAFT_EXISTS', 'A draft is already open: edit it or discard it first.');
    const current = await taxonomyRepo.findCurrentVersion(tx);
    const version = (await taxonomyRepo.findMaxVersion(tx)) + 1;
    const row = await taxonomyRepo.insertVersion(tx, { version, status: 'draft', notes: input.notes ?? null, createdBy: actor.principal?.userId ?? null });
    if (current) await taxonomyRepo.copyCodes(tx, current.version, version);
    await recordAudit(tx, actor, { action: 'taxonomy.draft_created', entityType: 'taxonomy', entityId: String(version) });
    return presentVersion(tx, row);
  });
}

function assertMayEdit(actor: Actor, countryCode: string | null): void {
  if (!actor.principal) return;
  if (countryCode === null) {
    if (!buildScopeFilter(actor.principal, 'taxonomy.manage').all) throw new AppError('OUT_OF_SCOPE', 'Regional codes are edited by regional coordinators; add a local sub-code for your country instead.');
  } else if (!canAccessRecord(actor.principal, 'taxonomy.manage', { countryCode })) {
    throw new AppError('OUT_OF_SCOPE', 'You can edit the sub-codes of your own country only.');
  }
}

/** Add or change one code of the draft. */
export async function upsertTaxonomyCode(ctx: ServiceContext, actor: Actor, code: string, input: z.infer<typeof taxonomyCodeUpsertSchema>): Promise<TaxonomyCodeView> {
  requirePermission(actor, 'taxonomy.manage');
  assertMayEdit(actor, input.countryCode);
  return inTransaction(ctx, async (tx) => {
    const draft = await taxonomyRepo.findDraft(tx);
    if (!draft) throw new AppError('TAXONOMY_NO_DRAFT', 'Open a draft first.');
    const existing = await taxonomyRepo.findCode(tx, draft.version, code);
    if (existing) assertMayEdit(actor, existing.countryCode);
    const candidate: TaxonomyCode = { code, parentCode: input.parentCode, module: input.module as TaxonomyModule, countryCode: input.countryCode, mapsTo: input.mapsTo, labels: input.labels as Record<string, string>, sort: input.sort, active: input.active };
    const index = indexCodes(toTaxonomyCodes(await taxonomyRepo.listCodes(tx, draft.version)));
    const problems = checkCodeEdit(index, candidate);
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The code cannot be saved.', { issues: problems.map((message) => ({ path: 'code', message })) });
    const saved = await taxonomyRepo.upsertCode(tx, { version: draft.version, ...candidate });
    await recordAudit(tx, actor, { action: existing ? 'taxonomy.code_changed' : 'taxonomy.code_added', entityType: 'taxonomy', entityId: `${draft.version}:${code}`, countryCode: input.countryCode, details: { active: input.active } });
    return presentCode(toTaxonomyCodes([saved])[0]!);
  });
}

/** Publish the draft as the new current version (regional coordinators). */
export async function publishTaxonomyDraft(ctx: ServiceContext, actor: Actor): Promise<TaxonomyView> {
  requirePermission(actor, 'taxonomy.manage');
  if (actor.principal && !buildScopeFilter(actor.principal, 'taxonomy.manage').all) throw new AppError('OUT_OF_SCOPE', 'Publishing a taxonomy version needs region-wide rights.');
  const view = await inTransaction(ctx, async (tx) => {
    const draft = await taxonomyRepo.findDraft(tx);
    if (!draft) throw new AppError('TAXONOMY_NO_DRAFT', 'There is no draft to publish.');
    await taxonomyRepo.publishVersion(tx, draft.version, actor.principal?.userId ?? null);
    await recordAudit(tx, actor, { action: 'taxonomy.published', entityType: 'taxonomy', entityId: String(draft.version) });
    return presentVersion(tx, (await taxonomyRepo.findVersion(tx, draft.version))!);
  });
  forgetCurrentTaxonomy(ctx.database);
  return view;
}

/** Discard the draft. */
export async function discardTaxonomyDraft(ctx: ServiceContext, actor: Actor): Promise<void> {
  requirePermission(actor, 'taxonomy.manage');
  await inTransaction(ctx, async (tx) => {
    const draft = await taxonomyRepo.findDraft(tx);
    if (!draft) throw new AppError('TAXONOMY_NO_DRAFT', 'There is no draft.');
    await taxonomyRepo.deleteVersion(tx, draft.version);
    await recordAudit(tx, actor, { action: 'taxonomy.draft_discarded', entityType: 'taxonomy', entityId: String(draft.version) });
  });
}

/** Seed version 1 from the shipped regional code list when no version exists. */
export async function ensureTaxonomy(db: Db): Promise<boolean> {
  if ((await taxonomyRepo.findMaxVersion(db)) > 0) return false;
  await taxonomyRepo.insertVersion(db, { version: 1, status: 'published', notes: 'Regional code list shipped with Victor', publishedAt: new Date() });
  const rows = REGIONAL_TAXONOMY.flatMap((g, gi) => [
    { version: 1, code: g.code, parentCode: null, module: g.module, countryCode: null, mapsTo: null, labels: { en: g.label, ...TAXONOMY_LABELS[g.code] }, sort: gi * 100, active: true },
    ...g.codes.map(([code, label], ci) => ({ version: 1, code, parentCode: g.code, module: g.module, countryCode: null, mapsTo: null, labels: { en: label, ...TAXONOMY_LABELS[code] }, sort: gi * 100 + ci + 1, active: true })),
  ]);
  await taxonomyRepo.insertCodes(db, rows);
  return true;
}
