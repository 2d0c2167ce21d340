import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createBufferIo } from '../../../src/cli/cli-io';
import { describeError } from '../../../src/cli/cli-runtime';
import { createTokenCommand } from '../../../src/cli/token.command';
import { createUserCommand, listUsersCommand, resetMfaCommand, type UserCreateArgs } from '../../../src/cli/user.command';
import { queryRows } from '../../../src/db/database';
import { insertSession } from '../../../src/db/repos/session.repo';
import { findUserByEmail, replaceRecoveryCodes, updateUser } from '../../../src/db/repos/user.repo';
import { verifyPassword } from '../../../src/lib/crypto/password';
import { hashSecret } from '../../../src/lib/crypto/tokens';
import { makeOrganisation } from '../../factories/organisation.factory';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

/** Run a command; on a throw, the lines and exit code the CLI would print. */
async function run(fn: (io: ReturnType<typeof createBufferIo>) => Promise<number>, answers: string[] = []) {
  const io = createBufferIo(answers);
  try {
    return { code: await fn(io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  } catch (e) {
    const { lines, exitCode } = describeError(e);
    return { code: exitCode, out: io.stdout.join('\n'), err: lines.join('\n') };
  }
}

const auditOf = (entityId: string) =>
  queryRows<{ action: string; actor_user_id: string | null }>(t.ctx.database.db, sql`SELECT action, actor_user_id FROM audit_log WHERE entity_id = ${entityId} ORDER BY id`);

const args = (over: Partial<UserCreateArgs> = {}): UserCreateArgs => ({
  email: `u-${Math.random().toString(36).slice(2, 8)}@example.org`,
  name: 'Ivana Petrova',
  role: 'case_manager',
  organisation: 'set-by-each-test',
  password: 'a-long-enough-password',
  ...over,
});

describe('victor user create', () => {
  it('creates the user with a membership as the system actor, audited', async () => {
    const org = await makeOrganisation(t.ctx, { name: 'Open Gate La Strada', shortName: 'OGLS', countryCode: 'MK' });
    const r = await run((io) => createUserCommand(t.ctx, args({ email: 'Ivana@Example.org', organisation: 'ogls', scope: 'own' }), io));
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/^created user [0-9a-f-]{36} <ivana@example\.org>: case_manager \(own\) in Open Gate La Strada, MK$/m);
    expect(r.out).toContain('two-factor authentication at their first sign-in');
    expect(r.out).not.toContain('a-long-enough-password');
    const user = (await findUserByEmail(t.ctx.database.db, 'ivana@example.org'))!;
    expect(await verifyPassword(user.passwordHash, 'a-long-enough-password')).toBe(true);
    expect(await auditOf(user.id)).toEqual([
      { action: 'user.created', actor_user_id: null },
      { action: 'membership.added', actor_user_id: null },
    ]);
    const byId = await run((io) => createUserCommand(t.ctx, args({ organisation: org.id, role: 'trainer' }), io));
    expect(byId.code).toBe(0);
    const byName = await run((io) => createUserCommand(t.ctx, args({ organisation: 'open gate la strada', role: 'evaluator' }), io));
    expect(byName.out).toContain('evaluator (region) in Open Gate La Strada');
  });

  it('generates and prints a password when none is given and no terminal is attached', async () => {
    await makeOrganisation(t.ctx, { name: 'Generated Password Org' });
    const r = await run((io) => createUserCommand(t.ctx, args({ email: 'gen@example.org', organisation: 'Generated Password Org', password: undefined }), io));
    expect(r.code).toBe(0);
    const password = /password \(shown once; ask them to change it\): (\S+)/.exec(r.out)?.[1];
    expect(password).toHaveLength(24);
    const user = (await findUserByEmail(t.ctx.database.db, 'gen@example.org'))!;
    expect(await verifyPassword(user.passwordHash, password!)).toBe(true);
  });

  it('asks twice on a terminal and refuses two different answers', async () => {
    await makeOrganisation(t.ctx, { name: 'Prompt Org' });
    const ok = await run((io) => createUserCommand(t.ctx, args({ email: 'typed@example.org', organisation: 'Prompt Org', password: undefined }), io), ['typed-password-123', 'typed-password-123']);
    expect(ok.code).toBe(0);
    expect(ok.out).not.toContain('typed-password-123');
    expect(await verifyPassword((await findUserByEmail(t.ctx.database.db, 'typed@example.org'))!.passwordHash, 'typed-password-123')).toBe(true);
    const differ = await run((io) => createUserCommand(t.ctx, args({ organisation: 'Prompt Org', password: undefined }), io), ['typed-password-123', 'typed-password-124']);
    expect(differ).toMatchObject({ code: 2, err: 'error: the two passwords differ' });
  });

  it('refuses bad input with exit 2 and service errors with exit 1 and their code', async () => {
    await makeOrganisation(t.ctx, { name: 'Twin Org', countryCode: 'GR' });
    await makeOrganisation(t.ctx, { name: 'Twin Org', countryCode: 'BG' });
    expect(await run((io) => createUserCommand(t.ctx, args({ role: 'king', organisation: 'Twin Org' }), io))).toMatchObject({ code: 2, err: expect.stringContaining('--role must be one of: helpline_operator') });
    expect(await run((io) => createUserCommand(t.ctx, args({ scope: 'galaxy', organisation: 'Twin Org' }), io))).toMatchObject({ code: 2 });
    expect((await run((io) => createUserCommand(t.ctx, args({ organisation: 'Twin Org' }), io))).err).toMatch(/^error: "Twin Org" names 2 organisations; give the id of one/);
    const badEmail = await run((io) => createUserCommand(t.ctx, args({ email: 'not-an-email', organisation: 'Prompt Org' }), io));
    expect(badEmail).toMatchObject({ code: 2, err: expect.stringMatching(/^error: invalid user: email: /) });
    const short = await run((io) => createUserCommand(t.ctx, args({ password: 'short', organisation: 'Prompt Org' }), io));
    expect(short).toMatchObject({ code: 2, err: 'error: invalid user: password: at least 12 characters' });
    expect(await run((io) => createUserCommand(t.ctx, args({ organisation: 'Nowhere' }), io))).toMatchObject({ code: 1, err: expect.stringMatching(/^error ORGANISATION_NOT_FOUND: /) });
    expect(await run((io) => createUserCommand(t.ctx, args({ email: 'IVANA@example.org', organisation: 'Prompt Org' }), io))).toMatchObject({
      code: 1,
      err: 'error EMAIL_TAKEN: A user with this e-mail already exists.',
    });
  });
});

describe('victor user list and reset-2fa', () => {
  it('lists users with their roles, as text or JSON', async () => {
    const text = await run((io) => listUsersCommand(t.ctx, {}, io));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^ivana@example\.org\s+Ivana Petrova\s+active,no-2fa\s+case_manager@Open Gate La Strada \(MK, own\)/m);
    const json = await run((io) => listUsersCommand(t.ctx, { json: true }, io));
    const users = JSON.parse(json.out) as { email: string }[];
    expect(users.map((u) => u.email)).toContain('gen@example.org');
  });

  it('clears two-factor set-up, recovery codes and sessions, audited', async () => {
    const user = (await findUserByEmail(t.ctx.database.db, 'typed@example.org'))!;
    await updateUser(t.ctx.database.db, user.id, { totpSecretEnc: 'enc1:x', totpEnabledAt: new Date(), totpLastStep: 1 });
    await replaceRecoveryCodes(t.ctx.database.db, user.id, [{ id: crypto.randomUUID(), codeHash: 'x' }]);
    await insertSession(t.ctx.database.db, { id: 'b'.repeat(64), userId: user.id, mfaState: 'verified', expiresAt: new Date(Date.now() + 60_000) });
    const r = await run((io) => resetMfaCommand(t.ctx, ' Typed@Example.org ', io));
    expect(r.code).toBe(0);
    expect(r.out).toContain('two-factor authentication of typed@example.org was reset');
    const after = (await findUserByEmail(t.ctx.database.db, 'typed@example.org'))!;
    expect(after).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
    const [left] = await queryRows<{ codes: number; sessions: number }>(
      t.ctx.database.db,
      sql`SELECT (SELECT count(*)::int FROM recovery_codes WHERE user_id = ${user.id}) AS codes, (SELECT count(*)::int FROM sessions WHERE user_id = ${user.id}) AS sessions`,
    );
    expect(left).toEqual({ codes: 0, sessions: 0 });
    expect((await auditOf(user.id)).at(-1)).toEqual({ action: 'user.mfa_reset', actor_user_id: null });
    expect(await run((io) => resetMfaCommand(t.ctx, 'nobody@example.org', io))).toMatchObject({ code: 1, err: expect.stringMatching(/^error USER_NOT_FOUND: /) });
  });
});

describe('victor token create', () => {
  it('prints the token once, for the Authorization header, and stores only its hash', async () => {
    const r = await run((io) => createTokenCommand(t.ctx, { user: 'ivana@example.org', name: 'case export', permissions: 'cases.read, contacts.read,cases.read', expiresDays: '30' }, io));
    expect(r.code).toBe(0);
    const token = /^Authorization: Bearer (vic_\S+)$/m.exec(r.out)?.[1];
    expect(token).toBeDefined();
    expect(r.out).toMatch(/^permissions: cases\.read, contacts\.read; expires: \d{4}-/m);
    const [row] = await queryRows<{ id: string; token_hash: string; days: number }>(
      t.ctx.database.db,
      sql`SELECT id, token_hash, round(extract(epoch FROM expires_at - created_at) / 86400)::int AS days FROM api_tokens WHERE name = 'case export'`,
    );
    expect(row).toMatchObject({ token_hash: hashSecret(token!), days: 30 });
    expect(await auditOf(row!.id)).toEqual([{ action: 'token.created', actor_user_id: null }]);
  });

  it('refuses unknown permissions, ones the user lacks, bad expiry and unknown users', async () => {
    const base = { user: 'ivana@example.org', name: 'x token', permissions: 'cases.read' };
    expect(await run((io) => createTokenCommand(t.ctx, { ...base, permissions: 'cases.read,root' }, io))).toMatchObject({ code: 2, err: expect.stringContaining('unknown permission(s): root') });
    expect(await run((io) => createTokenCommand(t.ctx, { ...base, permissions: 'audit.read' }, io))).toMatchObject({ code: 1, err: expect.stringMatching(/^error VALIDATION_FAILED: The user does not hold: audit\.read\./) });
    expect(await run((io) => createTokenCommand(t.ctx, { ...base, expiresDays: 'soon' }, io))).toMatchObject({ code: 2 });
    expect(await run((io) => createTokenCommand(t.ctx, { ...base, expiresDays: '5000' }, io))).toMatchObject({ code: 2, err: expect.stringContaining('expires-days') });
    expect(await run((io) => createTokenCommand(t.ctx, { ...base, user: 'ghost@example.org' }, io))).toMatchObject({ code: 1, err: expect.stringMatching(/^error USER_NOT_FOUND/) });
  });
});
