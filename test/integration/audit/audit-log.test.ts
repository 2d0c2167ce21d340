import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../../src/db/database';
import { appendAuditEntry, listAuditEntries, sealAuditLog, verifyAuditLog } from '../../../src/db/repos/audit.repo';
import { SYSTEM_ACTOR, type ServiceContext } from '../../../src/services/context';
import { createOrganisation } from '../../../src/services/organisation.service';
import { seedDemoNetwork } from '../../../src/services/seed.service';
import { createTestContext, useTestContext } from '../../helpers/test-context';
import { isPostgresRun } from '../../helpers/test-db';

const t = useTestContext();

const refused = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message ?? (e as Error).message));

/** Run `fn` on a fresh database (no audit entries yet). */
async function withFreshDatabase(fn: (ctx: ServiceContext) => Promise<void>): Promise<void> {
  const { ctx, testDb } = await createTestContext();
  try {
    await fn(ctx);
  } finally {
    await testDb.drop();
  }
}

/** Run `fn` in a transaction that is rolled back afterwards. */
async function thenRollBack(db: Db, fn: (tx: Db) => Promise<void>): Promise<void> {
  const rollback = new Error('roll back');
  await expect(
    db.transaction(async (tx) => {
      await fn(tx as unknown as Db);
      throw rollback;
    }),
  ).rejects.toBe(rollback);
}

const unsealed = async (db: Db) => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log WHERE seq IS NULL`))[0]!.n;

describe('audit log', () => {
  it('records every seeded change in one verified hash chain', async () => {
    await seedDemoNetwork(t.ctx);
    const r = await verifyAuditLog(t.ctx.database.db);
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(20);
  });

  it('writes the entry in the same transaction as the change: a failed change leaves no entry', async () => {
    const before = (await listAuditEntries(t.ctx.database.db, { limit: 1, offset: 0 })).total;
    await expect(
      createOrganisation(t.ctx, SYSTEM_ACTOR, { name: 'The Smile of the Child', countryCode: 'GR', type: 'national_ngo', partnership: 'none' }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_EXISTS' });
    expect((await listAuditEntries(t.ctx.database.db, { limit: 1, offset: 0 })).total).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    const db = t.ctx.database.db;
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toSatisfy(refused);
    await expect(db.execute(sql`DELETE FROM audit_log WHERE id = 1`)).rejects.toSatisfy(refused);
    await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toSatisfy(refused);
  });

  it('detects an entry altered behind the trigger\'s back, and entries cut off the end', async () => {
    const db = t.ctx.database.db;
    expect((await verifyAuditLog(db)).ok).toBe(true);
    const [last] = await queryRows<{ id: number }>(db, sql`SELECT max(id)::int AS id FROM audit_log`);
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await db.execute(sql`DELETE FROM audit_log WHERE id = ${last!.id}`);
    const cut = await verifyAuditLog(db);
    expect(cut).toMatchObject({ ok: false });
    expect(cut.problem).toMatch(/removed/);
    await db.execute(sql`UPDATE audit_log SET details = '{"forged":true}'::jsonb WHERE id = 3`);
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, firstBadId: 3 });
  });
});

describe('audit sealing', () => {
  it('appends with a plain insert, left unsealed until the sealer gives it seq, prev_hash and hash', async () => {
    await withFreshDatabase(async (ctx) => {
      const db = ctx.database.db;
      await createOrganisation(ctx, SYSTEM_ACTOR, { name: 'Seal test', countryCode: 'GR', type: 'national_ngo', partnership: 'none' });
      const [row] = await queryRows<{ seq: unknown; prev_hash: unknown; hash: unknown }>(db, sql`SELECT seq, prev_hash, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
      expect(row).toEqual({ seq: null, prev_hash: null, hash: null });
      // Listing shows unsealed entries too, by row id.
      const listed = await listAuditEntries(db, { limit: 1, offset: 0 });
      expect(listed.items[0]).toMatchObject({ action: 'organisation.created', seq: null });
      const waiting = await unsealed(db);
      expect(await sealAuditLog(db, { batchSize: 2 })).toBe(waiting);
      expect(await unsealed(db)).toBe(0);
      expect(await sealAuditLog(db)).toBe(0);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: waiting });
      const [head] = await queryRows<{ value: { id: number } }>(db, sql`SELECT value FROM settings WHERE key = 'audit.head'`);
      expect(head!.value.id).toBe(waiting);
    });
  });

  it('the trigger lets only the sealing update through: no content change, no re-sealing, no DELETE', async () => {
    await withFreshDatabase(async (ctx) => {
      const db = ctx.database.db;
      await appendAuditEntry(db, { action: 'test.sealed', entityType: 'test' });
      await sealAuditLog(db);
      await appendAuditEntry(db, { action: 'test.open', entityType: 'test', details: { a: 1 } });
      const [open] = await queryRows<{ id: number }>(db, sql`SELECT id::int AS id FROM audit_log WHERE seq IS NULL`);
      const [sealedRow] = await queryRows<{ id: number }>(db, sql`SELECT id::int AS id FROM audit_log WHERE seq IS NOT NULL`);
      const h = 'a'.repeat(64);
      // A sealed entry: neither content nor links may change.
      await expect(db.execute(sql`UPDATE audit_log SET hash = ${h} WHERE id = ${sealedRow!.id}`)).rejects.toSatisfy(refused);
      await expect(db.execute(sql`UPDATE audit_log SET seq = 99 WHERE id = ${sealedRow!.id}`)).rejects.toSatisfy(refused);
      // An unsealed entry: content may not change, not even while sealing it.
      await expect(db.execute(sql`UPDATE audit_log SET action = 'forged' WHERE id = ${open!.id}`)).rejects.toSatisfy(refused);
      await expect(
        db.execute(sql`UPDATE audit_log SET seq = 2, prev_hash = ${h}, hash = ${h}, details = '{"a":2}'::jsonb WHERE id = ${open!.id}`),
      ).rejects.toSatisfy(refused);
      await expect(db.execute(sql`UPDATE audit_log SET seq = 2, prev_hash = ${h}, at = now() WHERE id = ${open!.id}`)).rejects.toSatisfy(refused);
      // Half a seal is refused too.
      await expect(db.execute(sql`UPDATE audit_log SET seq = 2 WHERE id = ${open!.id}`)).rejects.toSatisfy(refused);
      await expect(db.execute(sql`DELETE FROM audit_log WHERE id = ${open!.id}`)).rejects.toSatisfy(refused);
      await expect(db.execute(sql`DELETE FROM audit_log WHERE id = ${sealedRow!.id}`)).rejects.toSatisfy(refused);
      await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toSatisfy(refused);
      // Sealing it (content untouched) is allowed; rolled back here so the real sealer does it.
      await thenRollBack(db, async (tx) => {
        await tx.execute(sql`UPDATE audit_log SET seq = 2, prev_hash = ${h}, hash = ${h} WHERE id = ${open!.id}`);
      });
      expect(await sealAuditLog(db)).toBe(1);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: 2 });
    });
  });

  it('detects entries cut off the end even when unsealed entries followed them', async () => {
    await withFreshDatabase(async (ctx) => {
      const db = ctx.database.db;
      for (let i = 0; i < 5; i++) await appendAuditEntry(db, { action: 'test.entry', entityType: 'test', details: { i } });
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: 5 });
      await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await db.execute(sql`DELETE FROM audit_log WHERE seq = 5`);
      await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: false, firstBadId: 5, problem: 'entries after 4 were removed' });
      // New entries are sealed after the recorded head, so the gap stays visible.
      await appendAuditEntry(db, { action: 'test.entry', entityType: 'test', details: { i: 5 } });
      expect(await verifyAuditLog(db)).toMatchObject({ ok: false, firstBadId: 6, problem: 'entry 5 is missing (found 6)' });
    });
  });

  it('many concurrent audited changes, sealed while they run, form one valid chain', async () => {
    await withFreshDatabase(async (ctx) => {
      const db = ctx.database.db;
      const sealing = (async () => {
        let n = 0;
        for (let i = 0; i < 10; i++) n += await sealAuditLog(db, { batchSize: 3 });
        return n;
      })();
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          createOrganisation(ctx, SYSTEM_ACTOR, { name: `Concurrent ${i}`, countryCode: 'GR', type: 'national_ngo', partnership: 'none' }),
        ),
      );
      await sealing;
      const total = (await listAuditEntries(db, { limit: 1, offset: 0 })).total;
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: total });
    });
  });

  describe.runIf(isPostgresRun())('on PostgreSQL, with several connections', () => {
    it('an entry committed after a later-numbered one is sealed after it: seq follows commit, not id', async () => {
      await withFreshDatabase(async (ctx) => {
        const db = ctx.database.db;
        let release = () => {};
        const held = new Promise<void>((r) => (release = r));
        let appended = () => {};
        const firstAppended = new Promise<void>((r) => (appended = r));
        // Connection 1 appends first (lower id) but commits last.
        const slow = db.transaction(async (tx) => {
          await appendAuditEntry(tx as unknown as Db, { action: 'test.slow', entityType: 'test' });
          appended();
          await held;
        });
        await firstAppended;
        // Connection 2 appends and commits meanwhile; the sealer only sees committed entries.
        await db.transaction(async (tx) => appendAuditEntry(tx as unknown as Db, { action: 'test.fast', entityType: 'test' }));
        expect(await sealAuditLog(db)).toBe(1);
        release();
        await slow;
        expect(await sealAuditLog(db)).toBe(1);
        const rows = await queryRows<{ action: string; id: number; seq: number }>(db, sql`SELECT action, id::int AS id, seq::int AS seq FROM audit_log ORDER BY seq`);
        expect(rows.map((r) => r.action)).toEqual(['test.fast', 'test.slow']);
        expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
        expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: 2 });
      });
    });

    it('a sealer finding the lock taken returns at once; an entry left unsealed over a minute fails verification', async () => {
      await withFreshDatabase(async (ctx) => {
        const db = ctx.database.db;
        await appendAuditEntry(db, { action: 'test.sealed', entityType: 'test' });
        await sealAuditLog(db);
        let release = () => {};
        const held = new Promise<void>((r) => (release = r));
        let locked = () => {};
        const isLocked = new Promise<void>((r) => (locked = r));
        // Another "node" holds the sealing lock and never finishes its work.
        const other = db.transaction(async (tx) => {
          await tx.execute(sql`SELECT pg_advisory_xact_lock(727002)`);
          locked();
          await held;
        });
        try {
          await isLocked;
          await db.execute(sql`INSERT INTO audit_log (at, action, entity_type) VALUES (now() - interval '2 minutes', 'test.stuck', 'test')`);
          await appendAuditEntry(db, { action: 'test.recent', entityType: 'test' });
          expect(await sealAuditLog(db)).toBe(0);
          const [stuck] = await queryRows<{ id: number }>(db, sql`SELECT id::int AS id FROM audit_log WHERE action = 'test.stuck'`);
          expect(await verifyAuditLog(db)).toMatchObject({ ok: false, checked: 1, firstBadId: stuck!.id, problem: '1 entries were never sealed' });
        } finally {
          release();
          await other;
        }
        expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: 3 });
      });
    });
  });
});
