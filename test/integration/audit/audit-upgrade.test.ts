/**
 * Entries written before audit sealing existed: the migration that adds seq keeps their chain, and a
 * backup made before it (entries without seq) or one holding unsealed entries restores verified.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPgliteDatabase, createPostgresDatabase, queryRows, type Database } from '../../../src/db/database';
import { listMigrations, migrateDatabase } from '../../../src/db/migrate';
import { appendAuditEntry, verifyAuditLog } from '../../../src/db/repos/audit.repo';
import { GENESIS_HASH, computeAuditHash } from '../../../src/domain/audit/audit-chain';
import { restoreBackup, writeBackup } from '../../../src/services/backup.service';
import { createTestContext, useTestContext } from '../../helpers/test-context';
import { isPostgresRun } from '../../helpers/test-db';
import { PGLITE_EXTENSIONS } from '../../../src/db/pglite-extensions';

const t = useTestContext();
const dir = mkdtempSync(join(tmpdir(), 'victor-audit-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An empty, never-migrated database of the project's kind. */
async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!isPostgresRun()) {
    const database = createPgliteDatabase(new PGlite({ extensions: PGLITE_EXTENSIONS }));
    return { database, drop: () => database.close() };
  }
  const url = inject('postgresUrl');
  const name = `victor_up_${randomBytes(5).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = createPostgresDatabase({ url: u.toString(), max: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

type Line = { t: string; r: Record<string, unknown> };

/** Rewrite a backup file line by line. */
function rewriteBackup(from: string, to: string, edit: (header: Record<string, unknown>, rows: Line[]) => void): void {
  const [head, ...rest] = gunzipSync(readFileSync(from)).toString('utf8').trimEnd().split('\n');
  const header = JSON.parse(head!) as Record<string, unknown>;
  const rows = rest.map((l) => JSON.parse(l) as Line);
  edit(header, rows);
  writeFileSync(to, gzipSync([JSON.stringify(header), ...rows.map((r) => JSON.stringify(r))].join('\n') + '\n'));
}

describe('audit entries from before sealing', () => {
  it('the seq migration numbers existing entries by id, keeps their chain, and later appends carry on', async () => {
    const { database, drop } = await emptyDatabase();
    try {
      const db = database.db;
      const all = listMigrations();
      await migrateDatabase(database, all.slice(0, 1));
      // Entries as the old code wrote them: explicit consecutive ids, hashes over the id, head in settings.
      let prev = GENESIS_HASH;
      for (let id = 1; id <= 4; id++) {
        const at = new Date(Date.UTC(2026, 0, 1, 0, 0, id));
        const content = { seq: id, at, actorUserId: null, actorTokenId: null, action: 'old.entry', entityType: 'test', entityId: `e${id}`, organisationId: null, countryCode: 'GR', requestId: null, details: { id } };
        const hash = computeAuditHash(prev, content);
        await db.execute(sql`INSERT INTO audit_log (id, at, action, entity_type, entity_id, country_code, details, prev_hash, hash)
          VALUES (${id}, ${at.toISOString()}, 'old.entry', 'test', ${`e${id}`}, 'GR', ${JSON.stringify({ id })}::jsonb, ${prev}, ${hash})`);
        prev = hash;
      }
      await db.execute(sql`INSERT INTO settings (key, value) VALUES ('audit.head', ${JSON.stringify({ id: 4, hash: prev })}::jsonb)`);
      await migrateDatabase(database, all.filter((m) => m.version <= '0002_audit_seal'));
      expect(await queryRows<{ id: number; seq: number }>(db, sql`SELECT id::int AS id, seq::int AS seq FROM audit_log ORDER BY id`)).toEqual(
        [1, 2, 3, 4].map((n) => ({ id: n, seq: n })),
      );
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: 4 });
      await appendAuditEntry(db, { action: 'new.entry', entityType: 'test' });
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, checked: 5 });
      expect(await queryRows(db, sql`SELECT id::int AS id, seq::int AS seq FROM audit_log WHERE action = 'new.entry'`)).toEqual([{ id: 5, seq: 5 }]);
    } finally {
      await drop();
    }
  });

  it('restores a backup made before seq existed, and one holding unsealed entries', async () => {
    const db = t.ctx.database.db;
    for (let i = 0; i < 6; i++) await appendAuditEntry(db, { action: 'test.entry', entityType: 'test', details: { i } });
    const file = join(dir, 'now.jsonl.gz');
    await writeBackup(t.ctx.database, file);
    const sealed = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log WHERE seq IS NOT NULL`);
    expect(sealed[0]!.n).toBe(6);

    // As the old code wrote it: no seq anywhere, schema without the seq migration.
    const legacy = join(dir, 'legacy.jsonl.gz');
    rewriteBackup(file, legacy, (header, rows) => {
      header.schemaVersions = ['0001_foundation'];
      for (const r of rows) if (r.t === 'audit_log') delete r.r.seq;
    });
    // Unsealed entries in the backup (appended between the seal and the snapshot): the head is before them.
    const unsealed = join(dir, 'unsealed.jsonl.gz');
    rewriteBackup(file, unsealed, (_header, rows) => {
      const audit = rows.filter((r) => r.t === 'audit_log');
      for (const r of audit.slice(-2)) Object.assign(r.r, { seq: null, prev_hash: null, hash: null });
      const head = audit.at(-3)!.r;
      rows.find((r) => r.t === 'settings' && r.r.key === 'audit.head')!.r.value = { id: head.seq, hash: head.hash };
    });

    for (const f of [legacy, unsealed]) {
      const { ctx: target, testDb } = await createTestContext();
      try {
        const result = await restoreBackup(target.database, f);
        expect(result.auditEntries, f).toBe(6);
        expect(await queryRows(target.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE seq IS NULL`)).toEqual([{ n: 0 }]);
        await appendAuditEntry(target.database.db, { action: 'after.restore', entityType: 'test' });
        expect(await verifyAuditLog(target.database.db)).toMatchObject({ ok: true, checked: 7 });
      } finally {
        await testDb.drop();
      }
    }
  });
});
