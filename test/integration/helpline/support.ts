import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../src/db/database';
import { listAuditEntries } from '../../../src/db/repos/audit.repo';
import type { ServiceContext } from '../../../src/services/context';
import type { TestClient } from '../../helpers/http-client';

/** The JSON body of a response, failing loudly with the body when the status is not 200. */
export function ok<T = ReturnType<typeof JSON.parse>>(res: LightMyRequestResponse): T {
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body.slice(0, 500)}`);
  return res.json() as T;
}

/** PUT through a test client (the client has no put shortcut). */
export const put = (c: TestClient, url: string, body: unknown) => c.request('PUT', url, body);

/** Raw contact rows (every column, as stored). */
export async function rawContacts(ctx: ServiceContext, where: ReturnType<typeof sql>) {
  return queryRows<Record<string, unknown>>(ctx.database.db, sql`SELECT * FROM contacts WHERE ${where}`);
}

/** How many contacts match. */
export async function countContactsWhere(ctx: ServiceContext, where: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM contacts WHERE ${where}`);
  return Number(row!.n);
}

/** Audit entries of an action about an entity. */
export async function auditOf(ctx: ServiceContext, action: string, entityId?: string) {
  return (await listAuditEntries(ctx.database.db, { action, ...(entityId ? { entityId } : {}), limit: 100, offset: 0 })).items;
}
