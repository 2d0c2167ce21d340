import { randomUUID } from 'node:crypto';
import { and, arrayContains, asc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DirectoryInput } from '../../api/knowledge.schemas';
import { HELPLINE_KINDS } from '../../domain/knowledge/knowledge-fields';
import type { Db } from '../database';
import { queryRows } from '../database';
import { directoryEntries } from '../schema';
import { addLexiconWords, buildDirectorySearchColumns } from './knowledge-index.repo';

/**
 * The directory of helplines, NRM actors and partner organisations. Every write sets the search columns
 * (tsv, name_folded) through buildDirectorySearchColumns and adds the entry's words to the lexicon.
 */

const { tsv: _tsv, nameFolded: _nameFolded, ...entryColumns } = getTableColumns(directoryEntries);
/** A stored entry without its search columns. */
export type DirectoryRow = Omit<typeof directoryEntries.$inferSelect, 'tsv' | 'nameFolded'>;

/** What to list. */
export interface DirectoryFilter {
  audiences: readonly string[];
  country?: string;
  kind?: string;
  stage?: string;
  helplinesOnly?: boolean;
  needsReview?: boolean;
  includeArchived?: boolean;
  limit: number;
  offset: number;
}

function whereOf(f: Omit<DirectoryFilter, 'limit' | 'offset'>): SQL | undefined {
  const where: SQL[] = [inArray(directoryEntries.audience, [...f.audiences])];
  if (!f.includeArchived) where.push(isNull(directoryEntries.archivedAt));
  if (f.country) where.push(eq(directoryEntries.countryCode, f.country));
  if (f.kind) where.push(eq(directoryEntries.kind, f.kind));
  if (f.stage) where.push(arrayContains(directoryEntries.nrmStages, [f.stage]));
  if (f.helplinesOnly) where.push(inArray(directoryEntries.kind, [...HELPLINE_KINDS]));
  if (f.needsReview !== undefined) where.push(eq(directoryEntries.needsReview, f.needsReview));
  return and(...where);
}

/** A page of entries (by country, helplines first, then by name) and the total matching. */
export async function listEntries(db: Db, f: DirectoryFilter): Promise<{ rows: DirectoryRow[]; total: number }> {
  const where = whereOf(f);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(directoryEntries).where(where);
  const rows = await db
    .select(entryColumns)
    .from(directoryEntries)
    .where(where)
    .orderBy(
      asc(directoryEntries.countryCode),
      sql`CASE WHEN ${directoryEntries.kind} IN ('missing_children_hotline','child_helpline','thb_hotline') THEN 0 ELSE 1 END`,
      asc(directoryEntries.kind),
      asc(directoryEntries.name),
      asc(directoryEntries.id),
    )
    .limit(f.limit)
    .offset(f.offset);
  return { rows, total: Number(count?.n ?? 0) };
}

/** One entry (archived ones too). */
export async function findEntry(db: Db, id: string): Promise<DirectoryRow | undefined> {
  const [row] = await db.select(entryColumns).from(directoryEntries).where(eq(directoryEntries.id, id));
  return row;
}

/** The stored columns of an entry from its input, search columns included. */
function columnsOf(e: DirectoryInput) {
  const search = buildDirectorySearchColumns(e);
  const values = {
    kind: e.kind,
    countryCode: e.countryCode,
    organisationId: e.organisationId,
    name: e.name,
    localName: e.localName,
    descriptions: e.descriptions as Record<string, string>,
    phones: e.phones,
    email: e.email,
    website: e.website,
    city: e.city,
    address: e.address,
    hours: e.hours,
    aroundTheClock: e.aroundTheClock,
    languages: e.languages,
    operator: e.operator,
    nrmStages: e.nrmStages,
    audience: e.audience,
    needsReview: e.needsReview,
    tsv: search.tsv,
    nameFolded: search.nameFolded,
  };
  return { values, words: search.words };
}

/** Insert an entry; its words go to the lexicon. */
export async function insertEntry(db: Db, id: string, e: DirectoryInput, createdBy: string | null, verified: { verifiedBy: string | null; verifiedAt: Date } | null = null): Promise<DirectoryRow> {
  const { values, words } = columnsOf(e);
  const [row] = await db.insert(directoryEntries).values({ id, ...values, ...verified, createdBy }).returning(entryColumns);
  await addLexiconWords(db, words);
  return row!;
}

/**
 * Replace an entry's fields if it is still at `version` and not archived (optimistic concurrency); the
 * version goes up by one. Undefined when it is missing, archived or was changed meanwhile.
 */
export async function updateEntry(db: Db, id: string, version: number, e: DirectoryInput, extra: { verifiedBy?: string | null; verifiedAt?: Date | null } = {}): Promise<DirectoryRow | undefined> {
  const { values, words } = columnsOf(e);
  const [row] = await db
    .update(directoryEntries)
    .set({ ...values, ...extra, updatedAt: new Date(), version: sql`${directoryEntries.version} + 1` })
    .where(and(eq(directoryEntries.id, id), eq(directoryEntries.version, version), isNull(directoryEntries.archivedAt)))
    .returning(entryColumns);
  if (row) await addLexiconWords(db, words);
  return row;
}

/** Mark an entry verified now (clears its review flag; the version goes up). */
export async function markEntryVerified(db: Db, id: string, by: string | null): Promise<DirectoryRow | undefined> {
  const [row] = await db
    .update(directoryEntries)
    .set({ needsReview: false, verifiedBy: by, verifiedAt: new Date(), updatedAt: new Date(), version: sql`${directoryEntries.version} + 1` })
    .where(and(eq(directoryEntries.id, id), isNull(directoryEntries.archivedAt)))
    .returning(entryColumns);
  return row;
}

/** Archive an entry (kept for history and referrals that name it; gone from lists, search and public pages). */
export async function archiveEntry(db: Db, id: string): Promise<DirectoryRow | undefined> {
  const [row] = await db
    .update(directoryEntries)
    .set({ archivedAt: new Date(), updatedAt: new Date(), version: sql`${directoryEntries.version} + 1` })
    .where(and(eq(directoryEntries.id, id), isNull(directoryEntries.archivedAt)))
    .returning(entryColumns);
  return row;
}

/** Insert many entries in batches (seeding and benchmarks); returns their ids in order. */
export async function insertDirectoryEntriesBulk(db: Db, entries: readonly DirectoryInput[], createdBy: string | null, batchSize = 250): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < entries.length; i += batchSize) {
    const batch = entries.slice(i, i + batchSize).map((e) => ({ id: randomUUID(), ...columnsOf(e) }));
    await db.insert(directoryEntries).values(batch.map((b) => ({ id: b.id, ...b.values, createdBy })));
    await addLexiconWords(db, batch.flatMap((b) => b.words));
    ids.push(...batch.map((b) => b.id));
  }
  return ids;
}

/** Public helplines (audience public, helpline kinds, not archived), optionally of one country. */
export async function listPublicHelplineRows(db: Db, countryCode?: string): Promise<DirectoryRow[]> {
  const where = [eq(directoryEntries.audience, 'public'), inArray(directoryEntries.kind, [...HELPLINE_KINDS]), isNull(directoryEntries.archivedAt)];
  if (countryCode) where.push(eq(directoryEntries.countryCode, countryCode));
  return db
    .select(entryColumns)
    .from(directoryEntries)
    .where(and(...where))
    .orderBy(asc(directoryEntries.countryCode), asc(directoryEntries.kind), asc(directoryEntries.name));
}

/** How many entries the directory holds (archived ones included). */
export async function countEntries(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(directoryEntries);
  return Number(row?.n ?? 0);
}

/** True when the organisation exists. */
export async function organisationExists(db: Db, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`SELECT id FROM organisations WHERE id = ${id}`);
  return rows.length > 0;
}
