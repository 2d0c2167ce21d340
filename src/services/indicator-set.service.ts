/**
 * Indicator sets: versioned data read by screening (labels in the reader's language, English fallback)
 * and published as a whole new version by taxonomy managers (the previous published one is retired).
 */
import type { IndicatorSetInput, IndicatorSetView } from '../api/cases.schemas';
import { AppError } from '../domain/errors';
import type { Indicator, IndicatorSet } from '../domain/cases/screening';
import type { Db } from '../db/database';
import * as repo from '../db/repos/indicator-set.repo';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

/** An indicator as stored in indicator_sets.indicators. */
export interface StoredIndicator extends Indicator {
  labels: Record<string, string>;
  help: Record<string, string>;
}

/** The stored indicators of a row (typed). */
export function indicatorsOf(row: repo.IndicatorSetRow): StoredIndicator[] {
  return row.indicators as StoredIndicator[];
}

/** The domain view of a stored set (for assessScreening). */
export function toDomainSet(row: repo.IndicatorSetRow): IndicatorSet {
  return { key: row.key, version: row.version, indicators: indicatorsOf(row) };
}

/** A text in the asked language, else English, else any. */
export function pickText(texts: Record<string, string> | undefined, lang: string): string | null {
  if (!texts) return null;
  return texts[lang] ?? texts.en ?? Object.values(texts)[0] ?? null;
}

/** Labels of a set's indicators by code, in a language. */
export function labelsOf(row: repo.IndicatorSetRow, lang: string): Map<string, string> {
  return new Map(indicatorsOf(row).map((i) => [i.code, pickText(i.labels, lang) ?? i.code]));
}

/** Present a stored set in a language. */
export function presentIndicatorSet(row: repo.IndicatorSetRow, lang: string): IndicatorSetView {
  return {
    key: row.key,
    version: row.version,
    status: row.status as IndicatorSetView['status'],
    audience: row.audience as IndicatorSetView['audience'],
    title: pickText(row.titles, lang) ?? row.key,
    source: row.source,
    needsReview: row.needsReview,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    indicators: indicatorsOf(row).map((i) => ({
      code: i.code,
      element: i.element,
      strength: i.strength,
      appliesTo: i.appliesTo,
      forms: [...i.forms],
      label: pickText(i.labels, lang) ?? i.code,
      help: pickText(i.help, lang),
    })),
  };
}

/** The published indicator sets (cases.read). */
export async function listIndicatorSets(ctx: ServiceContext, actor: Actor, lang = 'en'): Promise<{ items: IndicatorSetView[] }> {
  requirePermission(actor, 'cases.read');
  const rows = await repo.listPublishedIndicatorSets(ctx.database.db);
  return { items: rows.map((r) => presentIndicatorSet(r, lang)) };
}

/** One set: the published version, or the version asked for (INDICATOR_SET_NOT_FOUND). */
export async function getIndicatorSet(ctx: ServiceContext, actor: Actor, key: string, version?: number, lang = 'en'): Promise<IndicatorSetView> {
  requirePermission(actor, 'cases.read');
  const row = await repo.findIndicatorSet(ctx.database.db, key, version);
  if (!row) throw new AppError('INDICATOR_SET_NOT_FOUND', 'No such indicator set (or version).');
  return presentIndicatorSet(row, lang);
}

/** Refuse a set whose codes repeat. */
export function assertUniqueCodes(indicators: readonly { code: string }[]): void {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const i of indicators) (seen.has(i.code) ? dupes : seen).add(i.code);
  if (dupes.size > 0) {
    throw new AppError('VALIDATION_FAILED', 'Indicator codes must be unique within a set.', { issues: [...dupes].map((c) => ({ path: 'indicators', message: `duplicate code ${c}` })) });
  }
}

/** Store a new published version of a set (inside a transaction), retiring the previous published one. */
export async function insertPublishedVersion(tx: Db, input: IndicatorSetInput, createdBy: string | null, needsReview: boolean): Promise<repo.IndicatorSetRow> {
  assertUniqueCodes(input.indicators);
  const latest = await repo.findLatestVersion(tx, input.key);
  await repo.retirePublished(tx, input.key);
  const now = new Date();
  return repo.insertIndicatorSet(tx, {
    key: input.key,
    version: latest + 1,
    status: 'published',
    audience: input.audience,
    titles: input.titles as Record<string, string>,
    indicators: input.indicators.map((i) => ({ code: i.code, element: i.element, strength: i.strength, appliesTo: i.appliesTo, forms: i.forms, labels: i.labels, help: i.help })),
    source: input.source ?? null,
    needsReview,
    createdBy,
    createdAt: now,
    publishedAt: now,
  });
}

/** Publish a new version of an indicator set (taxonomy.manage); audited. */
export async function publishIndicatorSet(ctx: ServiceContext, actor: Actor, input: IndicatorSetInput, lang = 'en'): Promise<IndicatorSetView> {
  requirePermission(actor, 'taxonomy.manage');
  return inTransaction(ctx, async (tx) => {
    const row = await insertPublishedVersion(tx, input, actor.principal?.userId ?? null, false);
    await recordAudit(tx, actor, { action: 'indicator_set.published', entityType: 'indicator_set', entityId: `${row.key}:${row.version}`, organisationId: null, countryCode: null, details: { key: row.key, version: row.version, indicators: input.indicators.length } });
    return presentIndicatorSet(row, lang);
  });
}
