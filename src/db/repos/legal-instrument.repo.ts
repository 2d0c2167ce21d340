import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { countries, legalInstruments, legalInstrumentStatus } from '../schema';

/** The legal instruments register: instruments and where each country stands with them. */

export type InstrumentRow = typeof legalInstruments.$inferSelect;
export type InstrumentInsert = typeof legalInstruments.$inferInsert;
export type InstrumentStatusRow = typeof legalInstrumentStatus.$inferSelect;
export type InstrumentStatusInsert = typeof legalInstrumentStatus.$inferInsert;

/** What to list. */
export interface InstrumentFilter {
  kind?: string;
  /** National instruments of this country and every regional one; statuses of this country only. */
  country?: string;
  /** Instruments whose own facts, or a (listed) country's status, are flagged for review — or neither. */
  needsReview?: boolean;
}

function statusFlagged(country: string | undefined): SQL {
  const countryFilter = country ? sql` AND s.country_code = ${country}` : sql``;
  return sql`EXISTS (SELECT 1 FROM legal_instrument_status s WHERE s.instrument_id = ${legalInstruments.id} AND s.needs_review${countryFilter})`;
}

/** Instruments matching the filter: international first, then Council of Europe, EU, national; by year. */
export async function listInstruments(db: Db, filter: InstrumentFilter): Promise<InstrumentRow[]> {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(legalInstruments.kind, filter.kind));
  if (filter.country) where.push(or(isNull(legalInstruments.countryCode), eq(legalInstruments.countryCode, filter.country))!);
  if (filter.needsReview !== undefined) {
    const flagged = sql`(${legalInstruments.needsReview} OR ${statusFlagged(filter.country)})`;
    where.push(filter.needsReview ? flagged : sql`NOT ${flagged}`);
  }
  return db
    .select()
    .from(legalInstruments)
    .where(where.length ? and(...where) : undefined)
    .orderBy(
      sql`CASE ${legalInstruments.kind} WHEN 'international' THEN 0 WHEN 'council_of_europe' THEN 1 WHEN 'eu' THEN 2 ELSE 3 END`,
      asc(legalInstruments.countryCode),
      sql`${legalInstruments.year} NULLS LAST`,
      asc(legalInstruments.title),
    );
}

/** The country statuses of some instruments (optionally of one country), by country. */
export async function listStatuses(db: Db, instrumentIds: string[], country?: string): Promise<InstrumentStatusRow[]> {
  if (!instrumentIds.length) return [];
  const where = [inArray(legalInstrumentStatus.instrumentId, instrumentIds)];
  if (country) where.push(eq(legalInstrumentStatus.countryCode, country));
  return db
    .select()
    .from(legalInstrumentStatus)
    .where(and(...where))
    .orderBy(asc(legalInstrumentStatus.countryCode));
}

/** One instrument. */
export async function findInstrument(db: Db, id: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(legalInstruments).where(eq(legalInstruments.id, id));
  return row;
}

/** The instrument with a slug. */
export async function findInstrumentBySlug(db: Db, slug: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(legalInstruments).where(eq(legalInstruments.slug, slug));
  return row;
}

/** The ids of the instruments with these slugs, by slug. */
export async function mapInstrumentIdsBySlug(db: Db, slugs: string[]): Promise<Map<string, string>> {
  if (!slugs.length) return new Map();
  const rows = await db.select({ id: legalInstruments.id, slug: legalInstruments.slug }).from(legalInstruments).where(inArray(legalInstruments.slug, slugs));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Slugs already taken among some candidates. */
export async function listTakenSlugs(db: Db, slugs: string[]): Promise<Set<string>> {
  if (!slugs.length) return new Set();
  const rows = await db.select({ slug: legalInstruments.slug }).from(legalInstruments).where(inArray(legalInstruments.slug, slugs));
  return new Set(rows.map((r) => r.slug));
}

/** Insert an instrument. */
export async function insertInstrument(db: Db, row: InstrumentInsert): Promise<InstrumentRow> {
  const [created] = await db.insert(legalInstruments).values(row).returning();
  return created!;
}

/** Insert instruments whose slug is free; returns the ids actually inserted (seeding: never overwrites). */
export async function insertInstrumentsIfAbsent(db: Db, rows: InstrumentInsert[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await db.insert(legalInstruments).values(rows).onConflictDoNothing({ target: legalInstruments.slug }).returning({ id: legalInstruments.id });
  return inserted.map((r) => r.id);
}

/**
 * Change an instrument if it is still at `version` (optimistic concurrency); the version goes up by one.
 * Undefined when the instrument is missing or was changed meanwhile.
 */
export async function updateInstrument(db: Db, id: string, version: number, patch: Partial<InstrumentInsert>): Promise<InstrumentRow | undefined> {
  const [row] = await db
    .update(legalInstruments)
    .set({ ...patch, updatedAt: new Date(), version: sql`${legalInstruments.version} + 1` })
    .where(and(eq(legalInstruments.id, id), eq(legalInstruments.version, version)))
    .returning();
  return row;
}

/** One country's status with an instrument. */
export async function findStatus(db: Db, instrumentId: string, countryCode: string): Promise<InstrumentStatusRow | undefined> {
  const [row] = await db
    .select()
    .from(legalInstrumentStatus)
    .where(and(eq(legalInstrumentStatus.instrumentId, instrumentId), eq(legalInstrumentStatus.countryCode, countryCode)));
  return row;
}

/** Insert or replace a country's status with an instrument. */
export async function upsertStatus(db: Db, row: InstrumentStatusInsert): Promise<InstrumentStatusRow> {
  const { instrumentId: _i, countryCode: _c, ...rest } = row;
  const [saved] = await db
    .insert(legalInstrumentStatus)
    .values(row)
    .onConflictDoUpdate({ target: [legalInstrumentStatus.instrumentId, legalInstrumentStatus.countryCode], set: { ...rest, updatedAt: new Date() } })
    .returning();
  return saved!;
}

/** Insert status rows that do not exist yet (existing ones are kept as they are). */
export async function insertStatusesIfAbsent(db: Db, rows: InstrumentStatusInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(legalInstrumentStatus).values(rows.slice(i, i + 500)).onConflictDoNothing();
  }
}

/** The country codes of the network, alphabetical. */
export async function listCountryCodes(db: Db): Promise<string[]> {
  const rows = await db.select({ code: countries.code }).from(countries).orderBy(asc(countries.code));
  return rows.map((r) => r.code);
}

/** True when the country is one of the network's. */
export async function countryExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: countries.code }).from(countries).where(eq(countries.code, code));
  return row !== undefined;
}
