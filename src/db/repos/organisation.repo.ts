import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { countries, organisations } from '../schema';

export type OrganisationRow = typeof organisations.$inferSelect;
export type CountryRow = typeof countries.$inferSelect;

/** All countries, by name. */
export async function listCountries(db: Db): Promise<CountryRow[]> {
  return db.select().from(countries).orderBy(asc(countries.name));
}

/** One country or undefined. */
export async function findCountry(db: Db, code: string): Promise<CountryRow | undefined> {
  const [row] = await db.select().from(countries).where(eq(countries.code, code));
  return row;
}

/** Organisations with their member counts, by country then name. */
export async function listOrganisations(db: Db, opts: { includeArchived?: boolean } = {}): Promise<(OrganisationRow & { memberCount: number })[]> {
  const rows = await db
    .select({
      org: organisations,
      // Qualified by hand: drizzle renders bare column names inside a select list.
      memberCount: sql<number>`(SELECT count(DISTINCT m.user_id)::int FROM memberships m WHERE m.organisation_id = "organisations"."id")`,
    })
    .from(organisations)
    .where(opts.includeArchived ? undefined : isNull(organisations.archivedAt))
    .orderBy(asc(organisations.countryCode), asc(organisations.name));
  return rows.map((r) => ({ ...r.org, memberCount: Number(r.memberCount) }));
}

/** One organisation or undefined. */
export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

/** Find by name (case-insensitive) within a country. */
export async function findOrganisationByName(db: Db, name: string, countryCode: string): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(sql`lower(${organisations.name}) = lower(${name})`, eq(organisations.countryCode, countryCode)));
  return row;
}

/** Insert one organisation. */
export async function insertOrganisation(db: Db, row: typeof organisations.$inferInsert): Promise<OrganisationRow> {
  const [created] = await db.insert(organisations).values(row).returning();
  return created!;
}

/** Update fields of one organisation. */
export async function updateOrganisation(db: Db, id: string, patch: Partial<typeof organisations.$inferInsert>): Promise<OrganisationRow | undefined> {
  const [row] = await db.update(organisations).set({ ...patch, updatedAt: new Date() }).where(eq(organisations.id, id)).returning();
  return row;
}
