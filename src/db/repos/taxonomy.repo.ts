import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../database';
import { taxonomyCodes, taxonomyVersions } from '../schema';

export type TaxonomyVersionRow = typeof taxonomyVersions.$inferSelect;
export type TaxonomyCodeRow = typeof taxonomyCodes.$inferSelect;

/** The newest published version (the one new contacts are recorded with). */
export async function findCurrentVersion(db: Db): Promise<TaxonomyVersionRow | undefined> {
  const [row] = await db.select().from(taxonomyVersions).where(eq(taxonomyVersions.status, 'published')).orderBy(desc(taxonomyVersions.version)).limit(1);
  return row;
}

/** One version. */
export async function findVersion(db: Db, version: number): Promise<TaxonomyVersionRow | undefined> {
  const [row] = await db.select().from(taxonomyVersions).where(eq(taxonomyVersions.version, version));
  return row;
}

/** The open draft, if any. */
export async function findDraft(db: Db): Promise<TaxonomyVersionRow | undefined> {
  const [row] = await db.select().from(taxonomyVersions).where(eq(taxonomyVersions.status, 'draft'));
  return row;
}

/** Every version, newest first, with its number of codes. */
export async function listVersions(db: Db): Promise<(TaxonomyVersionRow & { codeCount: number })[]> {
  const rows = await queryRows<{ version: number; n: number }>(db, sql`SELECT version, count(*)::int AS n FROM taxonomy_codes GROUP BY version`);
  const counts = new Map(rows.map((r) => [Number(r.version), Number(r.n)]));
  const versions = await db.select().from(taxonomyVersions).orderBy(desc(taxonomyVersions.version));
  return versions.map((v) => ({ ...v, codeCount: counts.get(v.version) ?? 0 }));
}

/** The codes of a version, in display order. */
export async function listCodes(db: Db, version: number): Promise<TaxonomyCodeRow[]> {
  return db.select().from(taxonomyCodes).where(eq(taxonomyCodes.version, version)).orderBy(asc(taxonomyCodes.sort), asc(taxonomyCodes.code));
}

/** One code of a version. */
export async function findCode(db: Db, version: number, code: string): Promise<TaxonomyCodeRow | undefined> {
  const [row] = await db.select().from(taxonomyCodes).where(and(eq(taxonomyCodes.version, version), eq(taxonomyCodes.code, code)));
  return row;
}

/** Create a version row. */
export async function insertVersion(db: Db, row: typeof taxonomyVersions.$inferInsert): Promise<TaxonomyVersionRow> {
  const [created] = await db.insert(taxonomyVersions).values(row).returning();
  return created!;
}

/** Copy every code of one version into another. */
export async function copyCodes(db: Db, from: number, to: number): Promise<void> {
  await db.execute(sql`INSERT INTO taxonomy_codes (version, code, parent_code, module, country_code, maps_to, labels, sort, active)
    SELECT ${to}, code, parent_code, module, country_code, maps_to, labels, sort, active FROM taxonomy_codes WHERE version = ${from}`);
}

/** Insert codes (seeding). */
export async function insertCodes(db: Db, rows: (typeof taxonomyCodes.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(taxonomyCodes).values(rows);
}

/** Add or replace one code of a (draft) version. */
export async function upsertCode(db: Db, row: typeof taxonomyCodes.$inferInsert): Promise<TaxonomyCodeRow> {
  const { version: _v, code: _c, ...rest } = row;
  const [saved] = await db
    .insert(taxonomyCodes)
    .values(row)
    .onConflictDoUpdate({ target: [taxonomyCodes.version, taxonomyCodes.code], set: rest })
    .returning();
  return saved!;
}

/** Publish the draft: it becomes current, earlier published versions are retired. */
export async function publishVersion(db: Db, version: number, by: string | null): Promise<void> {
  await db.update(taxonomyVersions).set({ status: 'retired' }).where(eq(taxonomyVersions.status, 'published'));
  await db.update(taxonomyVersions).set({ status: 'published', publishedAt: new Date(), publishedBy: by }).where(eq(taxonomyVersions.version, version));
}

/** Discard a draft with its codes. */
export async function deleteVersion(db: Db, version: number): Promise<void> {
  await db.delete(taxonomyCodes).where(eq(taxonomyCodes.version, version));
  await db.delete(taxonomyVersions).where(eq(taxonomyVersions.version, version));
}

/** The highest version number used so far. */
export async function findMaxVersion(db: Db): Promise<number> {
  const [row] = await db.select({ v: sql<number>`coalesce(max(${taxonomyVersions.version}), 0)::int` }).from(taxonomyVersions);
  return Number(row?.v ?? 0);
}

/** Local sub-codes that map onto a regional code, in any version (old contacts keep old codes). */
export async function listCodesMappingTo(db: Db, regionalCode: string): Promise<string[]> {
  const rows = await db.selectDistinct({ code: taxonomyCodes.code }).from(taxonomyCodes).where(eq(taxonomyCodes.mapsTo, regionalCode));
  return rows.map((r) => r.code);
}
