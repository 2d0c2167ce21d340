import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DEFAULT_SCOPE } from '../domain/access/roles';
import { queryRows } from '../db/database';
import * as orgRepo from '../db/repos/organisation.repo';
import { writeSetting } from '../db/repos/settings.repo';
import * as usersRepo from '../db/repos/user.repo';
import { countries } from '../db/schema';
import { COUNTRIES, DEMO_PASSWORD, DEMO_USERS, ORGANISATIONS } from '../db/seed/network.data';
import { hashPassword } from '../lib/crypto/password';
import { inTransaction, recordAudit, SYSTEM_ACTOR, type ServiceContext } from './context';
import { DEMO_SETTING, forgetDemoFlag } from './settings.service';
import { seedHelplineDemo } from './helpline-seed.service';
import { ensureTaxonomy } from './taxonomy.service';
import { getKeyedHasher } from './keyed-hash.service';
import { seedKnowledgeDemo } from './knowledge-seed.service';
import { ensureLegalInstruments } from './legal-instrument-seed.service';
import { ensureIndicatorSets } from './indicator-set-seed.service';
import { seedCasesDemo } from './case-seed.service';
import { seedDemoCases } from './case-demo-seed.service';
import { seedAlertSettingsDemo, seedDemoAlerts } from './alert-seed.service';
import { seedDemoIngest } from './alert-ingest-seed.service';
import { seedDemoMissingChildren } from './missing-child-seed.service';

const SEED_LOCK_KEY = 727004;

/** Insert or refresh the country list (every start; harmless when present). */
export async function ensureReferenceData(ctx: ServiceContext): Promise<void> {
  for (const c of COUNTRIES) {
    await ctx.database.db
      .insert(countries)
      .values(c)
      .onConflictDoUpdate({ target: countries.code, set: { name: c.name, seecFocus: c.seecFocus, victorPartner: c.victorPartner } });
  }
  await inTransaction(ctx, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    await ensureTaxonomy(tx);
    await ensureLegalInstruments(tx);
    await ensureIndicatorSets(tx);
  });
  await getKeyedHasher(ctx);
}

/** True when no user exists yet. */
export async function isDatabaseEmpty(ctx: ServiceContext): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM users`);
  return Number(rows[0]?.n ?? 0) === 0;
}

/**
 * Seed the demo network: the VICTOR partner organisations and invented demo users for every role.
 * One transaction; audited. `onProgress(done, total)` reports steps.
 */
export async function seedDemoNetwork(ctx: ServiceContext, onProgress?: (done: number, total: number) => void): Promise<{ organisations: number; users: number }> {
  await ensureReferenceData(ctx);
  const total = ORGANISATIONS.length + DEMO_USERS.length;
  let done = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await inTransaction(ctx, async (tx) => {
    // Several nodes may seed one empty database at once: serialise, so the later one finds the rows.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const orgIds = new Map<string, string>();
    for (const o of ORGANISATIONS) {
      const existing = await orgRepo.findOrganisationByName(tx, o.name, o.countryCode);
      const id = existing?.id ?? randomUUID();
      if (!existing) {
        await orgRepo.insertOrganisation(tx, { id, name: o.name, shortName: o.shortName, countryCode: o.countryCode, type: o.type, partnership: o.partnership, city: o.city });
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'organisation.created', entityType: 'organisation', entityId: id, organisationId: id, countryCode: o.countryCode, details: { seed: 'demo' } });
      }
      orgIds.set(o.key, id);
      onProgress?.(++done, total);
    }
    let users = 0;
    const operators = new Map<string, string>();
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      if (!(await usersRepo.findUserByEmail(tx, u.email))) {
        const id = randomUUID();
        userIds.set(u.email, id);
        for (const m of u.memberships) if (m.role === 'helpline_operator') operators.set(m.org, id);
        await usersRepo.insertUser(tx, { id, email: u.email, displayName: u.displayName, passwordHash, locale: u.locale, isDemo: true });
        for (const m of u.memberships) {
          await usersRepo.insertMembership(tx, { id: randomUUID(), userId: id, organisationId: orgIds.get(m.org)!, role: m.role, scope: DEFAULT_SCOPE[m.role] });
        }
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'user.created', entityType: 'user', entityId: id, details: { seed: 'demo', roles: u.memberships.map((m) => m.role) } });
        users += 1;
      }
      onProgress?.(++done, total);
    }
    if (users > 0) {
      const countryOf = new Map(ORGANISATIONS.map((o) => [o.key, o.countryCode]));
      await seedHelplineDemo(ctx, tx, orgIds, countryOf, operators);
      await seedKnowledgeDemo(ctx, tx, { orgIds, userIds });
      await seedCasesDemo(ctx, tx, { orgIds, userIds });
      await seedAlertSettingsDemo(ctx, tx);
    }
    await writeSetting(tx, DEMO_SETTING, true);
    return { organisations: orgIds.size, users, orgIds, userIds };
  });
  forgetDemoFlag(ctx.database.db);
  // Demo cases go through the real use-cases, each in its own transaction, once the network exists.
  if (result.users > 0) {
    const ids = { orgIds: result.orgIds, userIds: result.userIds };
    await seedDemoCases(ctx, ids);
    const missingCaseIds = await seedDemoMissingChildren(ctx, ids);
    await seedDemoAlerts(ctx, { ...ids, missingCaseIds });
    await seedDemoIngest(ctx);
  }
  return { organisations: result.organisations, users: result.users };
}
