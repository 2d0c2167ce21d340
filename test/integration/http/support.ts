import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { insertSession, type MfaState } from '../../../src/db/repos/session.repo';
import { generateSecret, hashSecret } from '../../../src/lib/crypto/tokens';
import type { Permission } from '../../../src/domain/access/roles';
import { SYSTEM_ACTOR, type ServiceContext } from '../../../src/services/context';
import { createToken } from '../../../src/services/token.service';
import { FACTORY_PASSWORD, makeUser, type MakeUserOptions } from '../../factories/user.factory';
import { TestClient } from '../../helpers/http-client';

/** A CSRF pair that passes the double-submit check for a client without a session. */
export const CSRF_PAIR = { cookie: 'victor_csrf=csrf-test-value', 'x-csrf-token': 'csrf-test-value' } as const;

/** Make a user (demo by default, so no 2FA step) and sign them in through POST /api/auth/login. */
export async function signedIn(app: FastifyInstance, ctx: ServiceContext, opts: MakeUserOptions = {}) {
  const user = await makeUser(ctx, { isDemo: true, ...opts });
  const client = new TestClient(app);
  const view = await client.login(user.email, FACTORY_PASSWORD);
  if (view.status !== 'ok') throw new Error(`expected a ready session, got ${view.status}`);
  return { user, client };
}

/** Store a session straight in the database (fast; for tests that sign in very often). Returns the cookie header. */
export async function insertRawSession(ctx: ServiceContext, userId: string, mfaState: MfaState = 'not_needed'): Promise<string> {
  const token = generateSecret(32);
  await insertSession(ctx.database.db, { id: hashSecret(token), userId, mfaState, expiresAt: new Date(Date.now() + 3_600_000), userAgent: null });
  return `victor_session=${token}; victor_csrf=csrf-test-value`;
}

/** Issue an API token for a user as the system would (CLI); returns its id and secret. */
export async function issueToken(ctx: ServiceContext, userId: string, permissions: Permission[], expiresInDays?: number) {
  const created = await createToken(ctx, SYSTEM_ACTOR, { name: 'test token', userId, permissions, ...(expiresInDays ? { expiresInDays } : {}) });
  return { id: created.id, token: created.token };
}

/** "status CODE" of a response: `200`, or `403 FORBIDDEN` for coded errors. */
export function outcome(res: LightMyRequestResponse): string {
  if (res.statusCode < 400) return String(res.statusCode);
  const code = (res.json() as { error?: { code?: string } }).error?.code;
  return `${res.statusCode} ${code ?? '(no code)'}`;
}
