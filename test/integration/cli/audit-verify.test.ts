import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createBufferIo } from '../../../src/cli/cli-io';
import { verifyAuditCommand } from '../../../src/cli/audit.command';
import { queryRows } from '../../../src/db/database';
import { sealAuditLog } from '../../../src/db/repos/audit.repo';
import type { ServiceContext } from '../../../src/services/context';
import { seedDemoNetwork } from '../../../src/services/seed.service';
import { createTestContext } from '../../helpers/test-context';

/** Run `fn` on a fresh database seeded with the demo network (23 audit entries). */
async function withSeededDatabase(fn: (ctx: ServiceContext, lastId: number) => Promise<void>): Promise<void> {
  const { ctx, testDb } = await createTestContext();
  try {
    await seedDemoNetwork(ctx);
    // Tampering is detectable once entries are sealed into the chain.
    await sealAuditLog(ctx.database.db);
    const [row] = await queryRows<{ id: number }>(ctx.database.db, sql`SELECT max(id)::int AS id FROM audit_log`);
    await fn(ctx, row!.id);
  } finally {
    await testDb.drop();
  }
}

/** Change the audit table behind its append-only trigger. */
async function tamper(ctx: ServiceContext, statement: ReturnType<typeof sql>): Promise<void> {
  const db = ctx.database.db;
  await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  }
}

async function verify(ctx: ServiceContext) {
  const io = createBufferIo();
  const code = await verifyAuditCommand(ctx, io);
  return { code, out: io.stdout.join('\n'), progress: io.stderr.join('\n') };
}

describe('victor audit verify', () => {
  it('exits 0 and counts the entries when the chain is intact', async () => {
    await withSeededDatabase(async (ctx, lastId) => {
      const r = await verify(ctx);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`audit log intact: ${lastId} entries verified`);
      expect(r.progress).toContain(`verifying: ${lastId}/${lastId}`);
    });
  });

  it('exits 1 naming entry 3 when its details were altered', async () => {
    await withSeededDatabase(async (ctx) => {
      await tamper(ctx, sql`UPDATE audit_log SET details = '{"seed":"forged"}'::jsonb WHERE id = 3`);
      const r = await verify(ctx);
      expect(r.code).toBe(1);
      expect(r.out).toContain('audit log TAMPERED at entry 3: entry 3 was altered after it was written');
      expect(r.out).toContain('(2 entries verified before it)');
    });
  });

  it('exits 1 when the last entry was deleted (the recorded head no longer matches)', async () => {
    await withSeededDatabase(async (ctx, lastId) => {
      await tamper(ctx, sql`DELETE FROM audit_log WHERE id = ${lastId}`);
      const r = await verify(ctx);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`audit log TAMPERED at entry ${lastId}: entries after ${lastId - 1} were removed`);
    });
  });

  it('exits 1 when an entry in the middle was deleted', async () => {
    await withSeededDatabase(async (ctx) => {
      await tamper(ctx, sql`DELETE FROM audit_log WHERE id = 10`);
      const r = await verify(ctx);
      expect(r.code).toBe(1);
      expect(r.out).toContain('audit log TAMPERED at entry 11: entry 10 is missing (found 11)');
    });
  });
});
