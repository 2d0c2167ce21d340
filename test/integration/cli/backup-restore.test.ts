import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../../src/cli/backup.command';
import { createBufferIo } from '../../../src/cli/cli-io';
import { createTokenCommand } from '../../../src/cli/token.command';
import { createUserCommand, resetMfaCommand } from '../../../src/cli/user.command';
import { createPgliteDatabase, queryRows } from '../../../src/db/database';
import { insertJob } from '../../../src/db/repos/job.repo';
import { hitRateLimit } from '../../../src/db/repos/rate-limit.repo';
import { insertApiToken, insertSession } from '../../../src/db/repos/session.repo';
import { writeSetting } from '../../../src/db/repos/settings.repo';
import { findUserByEmail, listMembershipsOfUsers, markRecoveryCodeUsed, replaceRecoveryCodes, updateUser } from '../../../src/db/repos/user.repo';
import { addCallerFlag, lookupCaller } from '../../../src/services/caller.service';
import { createContact } from '../../../src/services/contact.service';
import { createIntegration } from '../../../src/services/integration.service';
import { uploadDocument } from '../../../src/services/case-document.service';
import { requestBreakGlass } from '../../../src/services/case-read.service';
import { TABLES_IN_DEPENDENCY_ORDER } from '../../../src/db/schema';
import { verifyAudit } from '../../../src/services/audit.service';
import { restoreBackup, writeBackup } from '../../../src/services/backup.service';
import { SYSTEM_ACTOR, type ServiceContext } from '../../../src/services/context';
import { createOrganisation } from '../../../src/services/organisation.service';
import { seedDemoNetwork } from '../../../src/services/seed.service';
import { createWebhookSubscription } from '../../../src/services/alert-webhook.service';
import { subscribeByEmail } from '../../../src/services/alert-email.service';
import { createTestContext, useTestContext } from '../../helpers/test-context';
import { createTestDatabase } from '../../helpers/test-db';
import { tableChecksums } from './table-checksums';
import { PGLITE_EXTENSIONS } from '../../../src/db/pglite-extensions';

const t = useTestContext({ VICTOR_ALLOW_PRIVATE_ENDPOINTS: 'true' });
let dir = '';
let backupFile = '';
let backupOutput = createBufferIo();
let backupExit = -1;

/** Seed the demo network, then audited CLI changes and rows with awkward types in every table. */
async function fillSource(ctx: ServiceContext): Promise<void> {
  const db = ctx.database.db;
  // Distribution rows: a broadcaster's webhook and an e-mail subscriber (with its confirmation mail)
  // exist before the demo alerts are published, so the deliveries are queued too.
  await createWebhookSubscription(ctx, SYSTEM_ACTOR, { name: 'Broadcaster "quoted" ✓', url: 'http://127.0.0.1:9/cap', countries: ['GR'], languages: [], includeDrills: true, active: true });
  await subscribeByEmail(ctx, { email: 'Reader.Ю@example.org', countries: ['GR'], language: 'el' }, '203.0.113.9', null);
  await seedDemoNetwork(ctx);
  const org = await createOrganisation(ctx, SYSTEM_ACTOR, {
    name: 'Центар „Ђорђе“ — O\'Brien \\ "quoted" ✓',
    shortName: 'ЦЂ',
    countryCode: 'RS',
    type: 'national_ngo',
    partnership: 'associate',
    city: 'Novi Sad',
  });
  const io = createBufferIo();
  await createUserCommand(ctx, { email: 'Mira.Kovac@Example.org', name: 'Mira Kovač', role: 'case_manager', organisation: org.id, password: 'a-long-enough-password' }, io);
  await createTokenCommand(ctx, { user: 'mira.kovac@example.org', name: 'statistics export', permissions: 'cases.read,contacts.read', expiresDays: '30' }, io);
  const mira = (await findUserByEmail(db, 'mira.kovac@example.org'))!;
  await updateUser(db, mira.id, { totpSecretEnc: ctx.encryptor.encrypt('JBSWY3DPEHPK3PXP', `users.totp:${mira.id}`), totpEnabledAt: new Date(), totpLastStep: 58_123_456_789 });
  await db.execute(sql`UPDATE users SET locked_until = now() + interval '1 hour 0.000123 seconds' WHERE id = ${mira.id}`);
  await replaceRecoveryCodes(db, mira.id, [{ id: randomUUID(), codeHash: 'h1' }, { id: randomUUID(), codeHash: 'h2' }]);
  const [code] = await queryRows<{ id: string }>(db, sql`SELECT id FROM recovery_codes WHERE code_hash = 'h1'`);
  await markRecoveryCodeUsed(db, code!.id);
  await resetMfaCommand(ctx, 'admin@victor.example', io);
  const admin = (await findUserByEmail(db, 'admin@victor.example'))!;
  await insertSession(db, { id: 'a'.repeat(64), userId: admin.id, mfaState: 'verified', expiresAt: new Date(Date.now() + 3_600_000), userAgent: 'Mozilla/5.0 "quoted" \n next' });
  await insertApiToken(db, { id: randomUUID(), name: 'odd arrays', userId: admin.id, prefix: 'abcdefgh', tokenHash: 'f'.repeat(64), permissions: ['audit.read', 'a,b', 'q"uote', 'NULL', '', '{x}'], createdBy: admin.id });
  await hitRateLimit(db, 'login:203.0.113.7', 60);
  const jobId = await insertJob(db, 'test.kind', { nested: { list: [1, 2.5, null, 'x'], big: 9_007_199_254_740_991 }, text: 'ä"\n' });
  await insertJob(db, 'test.other', {});
  await db.execute(sql`UPDATE jobs SET done_at = now(), attempts = 1 WHERE id = ${jobId}`);
  await writeSetting(db, 'test.object', { a: [1, { b: null }], 'key with "quotes"': 'v' });
  await writeSetting(db, 'test.string', 'just a string');
  await writeSetting(db, 'test.number', 42.125);
  await writeSetting(db, 'test.false', false);
  // Helpline rows: a contact from a repeat caller with a flag, and a channel integration.
  const operator = (await findUserByEmail(db, 'operator.gr@victor.example'))!;
  const opActor = { principal: { userId: operator.id, memberships: await listMembershipsOfUsers(db, [operator.id]) }, requestId: null };
  const contact = await createContact(ctx, opActor, { idempotencyKey: 'backup-test-key-0001', channel: 'phone', callerId: '+30 690 111 2222', notes: 'Ключ "quoted" \\ ✓', categories: ['THB.LABOUR'], complete: false });
  await addCallerFlag(ctx, opActor, contact.callerProfile?.id ?? (await lookupCaller(ctx, opActor, { callerId: '+30 690 111 2222' }))!.id, { flag: 'vulnerable', days: 30, note: 'invented' });
  await createIntegration(ctx, SYSTEM_ACTOR, { kind: 'telephony', name: 'PBX', organisationId: contact.organisationId });
  // Case rows the demo cases do not have: an encrypted document (binary content) and a break-glass grant.
  const [demoCase] = await queryRows<{ id: string }>(db, sql`SELECT id FROM cases WHERE country_code = 'GR' ORDER BY reference LIMIT 1`);
  await uploadDocument(ctx, SYSTEM_ACTOR, demoCase!.id, { fileName: 'Δήλωση "quoted".png', declaredType: 'image/png', bytes: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'), kind: 'identity' });
  const coordinator = (await findUserByEmail(db, 'coordinator.si@victor.example'))!;
  const coActor = { principal: { userId: coordinator.id, memberships: await listMembershipsOfUsers(db, [coordinator.id]) }, requestId: null };
  await requestBreakGlass(ctx, coActor, demoCase!.id, { reason: 'The child called the Slovenian line tonight; need the file now.' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'victor-backup-'));
  backupFile = join(dir, 'backup.jsonl.gz');
  await fillSource(t.ctx);
  backupOutput = createBufferIo();
  backupExit = await backupCommand(t.ctx, { file: backupFile }, backupOutput);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('victor backup and restore', () => {
  it('writes a gzipped JSON-lines file: a header, then one line per row in dependency order', async () => {
    const source = await tableChecksums(t.ctx.database);
    for (const table of TABLES_IN_DEPENDENCY_ORDER) expect(source[table]!.count, table).toBeGreaterThan(0);
    expect(backupExit).toBe(0);
    expect(backupOutput.stdout[0]).toContain(`backup written to ${backupFile}`);
    expect(backupOutput.stderr.at(-1)).toMatch(new RegExp(`^backing up: (\\d+)/\\1 \\(${TABLES_IN_DEPENDENCY_ORDER.at(-1)!}\\)$`));
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(header).toMatchObject({ format: 'victor-backup', version: 1, schemaVersions: expect.arrayContaining(['0001_foundation']) });
    expect(header.tables).toEqual(Object.fromEntries(TABLES_IN_DEPENDENCY_ORDER.map((tb) => [tb, source[tb]!.count])));
    const rows = lines.slice(1).map((l) => JSON.parse(l) as { t: string; r: Record<string, unknown> });
    expect(rows).toHaveLength(Object.values(source).reduce((a, b) => a + b.count, 0));
    const order = rows.map((r) => TABLES_IN_DEPENDENCY_ORDER.indexOf(r.t as never));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const audit = rows.find((r) => r.t === 'audit_log')!.r;
    expect(audit.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
    expect(rows.find((r) => r.t === 'api_tokens' && r.r.name === 'odd arrays')!.r.permissions).toEqual(['audit.read', 'a,b', 'q"uote', 'NULL', '', '{x}']);
    await expect(backupCommand(t.ctx, { file: backupFile }, createBufferIo())).rejects.toThrow(/exists already/);
  });

  it('restores every row of every table into a fresh database, with a verified audit chain', async () => {
    const { ctx: target, testDb } = await createTestContext();
    try {
      const io = createBufferIo();
      expect(await restoreCommand(target, { file: backupFile }, io)).toBe(0);
      expect(io.stdout.join('\n')).toMatch(/replaced reference data that was there: .*countries \d+/);
      expect(await tableChecksums(target.database)).toEqual(await tableChecksums(t.ctx.database));
      const audit = await verifyAudit(target, SYSTEM_ACTOR);
      expect(audit).toMatchObject({ ok: true, checked: (await tableChecksums(t.ctx.database)).audit_log!.count });

      // Sequences and the chain carry on after the restored rows.
      const [max] = await queryRows<{ id: number }>(target.database.db, sql`SELECT max(id)::int AS id FROM jobs`);
      expect(await insertJob(target.database.db, 'after.restore', {})).toBe(max!.id + 1);
      await createUserCommand(target, { email: 'after@example.org', name: 'After Restore', role: 'trainer', organisation: 'ЦЂ', password: 'a-long-enough-password' }, io);
      expect(await verifyAudit(target, SYSTEM_ACTOR)).toMatchObject({ ok: true, checked: audit.checked + 2 });
    } finally {
      await testDb.drop();
    }
  });

  it('refuses a database that holds users, organisations or audit entries, and changes nothing', async () => {
    const before = await tableChecksums(t.ctx.database);
    await expect(restoreCommand(t.ctx, { file: backupFile }, createBufferIo())).rejects.toThrow(/the database is not empty \(\d+ organisations, \d+ users, \d+ audit_log\)/);
    expect(await tableChecksums(t.ctx.database)).toEqual(before);
  });

  it('rolls back everything when the file is damaged part-way', async () => {
    const damaged = join(dir, 'damaged.jsonl.gz');
    const bytes = readFileSync(backupFile);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const { ctx: target, testDb } = await createTestContext();
    try {
      const before = await tableChecksums(target.database);
      await expect(restoreBackup(target.database, damaged)).rejects.toThrow(/unexpected end of file/);
      expect(await tableChecksums(target.database)).toEqual(before);
      writeFileSync(damaged, 'not gzip at all');
      await expect(restoreBackup(target.database, damaged)).rejects.toThrow(/not a readable backup/);
    } finally {
      await testDb.drop();
    }
  });

  it.runIf(inject('dbKind') === 'postgres')('carries a PostgreSQL database through PGlite and back unchanged', { timeout: 120_000 }, async () => {
    const pglite = createPgliteDatabase(new PGlite({ extensions: PGLITE_EXTENSIONS }));
    const back = await createTestDatabase();
    try {
      const viaPglite = join(dir, 'via-pglite.jsonl.gz');
      await restoreBackup(pglite, backupFile);
      await writeBackup(pglite, viaPglite);
      await restoreBackup(back.database, viaPglite);
      const original = await tableChecksums(t.ctx.database);
      expect(await tableChecksums(pglite)).toEqual(original);
      expect(await tableChecksums(back.database)).toEqual(original);
    } finally {
      await pglite.close();
      await back.drop();
    }
  });
});
