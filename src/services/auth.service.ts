import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { SessionView } from '../api/auth.schemas';
import { requiresMfa, type Role } from '../domain/access/roles';
import { buildOtpauthUrl, checkTotpCode, generateTotpSecret } from '../domain/auth/totp';
import { AppError } from '../domain/errors';
import type { Db } from '../db/database';
import { hitRateLimit } from '../db/repos/rate-limit.repo';
import * as sessionsRepo from '../db/repos/session.repo';
import * as usersRepo from '../db/repos/user.repo';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../lib/crypto/password';
import { generateRecoveryCodes, generateSecret, hashSecret, normaliseRecoveryCode } from '../lib/crypto/tokens';
import { inTransaction, recordAudit, type Actor, type ServiceContext } from './context';
import { isDemoInstance } from './settings.service';
import { presentCurrentUser } from './user-view';

/** A session as the HTTP layer holds it after authentication. */
export interface SessionHandle {
  idHash: string;
  userId: string;
  mfaState: sessionsRepo.MfaState;
}

/** Result of a login step: the new cookie token (when one was issued) and what the client sees. */
export interface LoginResult {
  token: string;
  view: SessionView;
}

function statusOf(mfaState: sessionsRepo.MfaState): SessionView['status'] {
  if (mfaState === 'required') return 'mfa_required';
  if (mfaState === 'setup_required') return 'mfa_setup_required';
  return 'ok';
}

/**
 * The session view for a session handle (or for nobody). `loaded` passes the user and memberships the
 * request's authentication already read, to spare the queries.
 */
export async function describeSession(
  ctx: ServiceContext,
  session: SessionHandle | null,
  loaded?: { user: usersRepo.UserRow; memberships: usersRepo.MembershipDetail[] },
): Promise<SessionView> {
  const demoInstance = await isDemoInstance(ctx.database.db);
  if (!session) return { status: null, user: null, demoInstance };
  const user = loaded?.user ?? (await usersRepo.findUserById(ctx.database.db, session.userId));
  if (!user) return { status: null, user: null, demoInstance };
  return { status: statusOf(session.mfaState), user: await presentCurrentUser(ctx.database.db, user, loaded?.memberships), demoInstance };
}

async function decideMfaState(db: Db, user: usersRepo.UserRow): Promise<sessionsRepo.MfaState> {
  if (user.totpEnabledAt && user.totpSecretEnc) return 'required';
  const roles = (await usersRepo.listMembershipsOfUsers(db, [user.id])).map((m) => m.role as Role);
  if (requiresMfa(roles) && !user.isDemo) return 'setup_required';
  return 'not_needed';
}

/** Sign in with e-mail and password: rate limit, lockout, then a new server-side session. */
export async function login(
  ctx: ServiceContext,
  input: { email: string; password: string; ip: string; userAgent?: string; requestId: string | null },
): Promise<LoginResult> {
  const { config } = ctx;
  const db = ctx.database.db;
  const limit = await hitRateLimit(db, `login:ip:${input.ip}`, 60);
  if (limit.count > config.RATE_LIMIT_LOGIN_PER_MINUTE) {
    const retryAfterSeconds = Math.max(1, Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000));
    throw new AppError('RATE_LIMITED', 'Too many sign-in attempts from this address. Try again in a minute.', { retryAfterSeconds });
  }
  const actor: Actor = { principal: null, requestId: input.requestId };
  const user = await usersRepo.findUserByEmail(db, input.email);
  if (!user) {
    await verifyAgainstDummy(input.password);
    await inTransaction(ctx, (tx) => recordAudit(tx, actor, { action: 'auth.login_failed', entityType: 'user', details: { reason: 'unknown_account' } }));
    throw new AppError('INVALID_CREDENTIALS', 'The e-mail or password is not correct.');
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    const retryAfterSeconds = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('ACCOUNT_LOCKED', 'This account is locked after too many failed sign-ins. Try again later or ask an administrator.', { retryAfterSeconds });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    await registerFailure(ctx, user, actor, 'wrong_password');
    throw new AppError('INVALID_CREDENTIALS', 'The e-mail or password is not correct.');
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED', 'This account is disabled. Ask an administrator.');
  const token = generateSecret(32);
  const idHash = hashSecret(token);
  const mfaState = await decideMfaState(db, user);
  await inTransaction(ctx, async (tx) => {
    await usersRepo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await sessionsRepo.insertSession(tx, {
      id: idHash,
      userId: user.id,
      mfaState,
      expiresAt: new Date(now.getTime() + config.SESSION_TTL_HOURS * 3_600_000),
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    const self: Actor = { principal: { userId: user.id, memberships: [] }, requestId: input.requestId };
    await recordAudit(tx, self, { action: 'auth.login', entityType: 'user', entityId: user.id, details: { mfa: mfaState } });
  });
  return { token, view: await describeSession(ctx, { idHash, userId: user.id, mfaState }) };
}

async function registerFailure(ctx: ServiceContext, user: usersRepo.UserRow, actor: Actor, reason: string): Promise<void> {
  const failures = user.failedLogins + 1;
  const lock = failures >= ctx.config.LOGIN_MAX_FAILURES;
  await inTransaction(ctx, async (tx) => {
    await usersRepo.updateUser(tx, user.id, {
      failedLogins: lock ? 0 : failures,
      lockedUntil: lock ? new Date(Date.now() + ctx.config.LOGIN_LOCK_MINUTES * 60_000) : user.lockedUntil,
    });
    await recordAudit(tx, actor, { action: lock ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user.id, details: { reason } });
  });
}

/** End a session. */
export async function logout(ctx: ServiceContext, session: SessionHandle, actor: Actor): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await sessionsRepo.deleteSession(tx, session.idHash);
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: session.userId });
  });
}

/** Second step: a TOTP code or a one-time recovery code. */
export async function verifyMfa(
  ctx: ServiceContext,
  session: SessionHandle,
  input: { code?: string; recoveryCode?: string },
  actor: Actor,
): Promise<SessionView> {
  if (session.mfaState !== 'required') throw new AppError('MFA_NOT_PENDING', 'No second step is pending for this session.');
  const db = ctx.database.db;
  const limit = await hitRateLimit(db, `mfa:${session.idHash}`, 60);
  if (limit.count > 5) throw new AppError('RATE_LIMITED', 'Too many codes tried. Wait a minute.', { retryAfterSeconds: 60 });
  const user = await usersRepo.findUserById(db, session.userId);
  if (!user?.totpSecretEnc) throw new AppError('MFA_NOT_PENDING', 'Two-factor authentication is not set up.');
  let step: number | null = null;
  let recoveryId: string | null = null;
  if (input.code) {
    step = checkTotpCode(ctx.encryptor.decrypt(user.totpSecretEnc, `users.totp:${user.id}`), input.code, user.totpLastStep);
  } else if (input.recoveryCode) {
    const wanted = hashSecret(normaliseRecoveryCode(input.recoveryCode));
    recoveryId = (await usersRepo.listUnusedRecoveryCodes(db, user.id)).find((c) => c.codeHash === wanted)?.id ?? null;
  }
  if (step === null && recoveryId === null) {
    await registerFailure(ctx, user, actor, 'wrong_mfa_code');
    throw new AppError('INVALID_MFA_CODE', 'That code is not valid. Check your authenticator app and try again.');
  }
  await inTransaction(ctx, async (tx) => {
    if (recoveryId && !(await usersRepo.markRecoveryCodeUsed(tx, recoveryId))) {
      throw new AppError('INVALID_MFA_CODE', 'That recovery code was already used.');
    }
    await usersRepo.updateUser(tx, user.id, { failedLogins: 0, ...(step !== null ? { totpLastStep: step } : {}) });
    await sessionsRepo.updateSession(tx, session.idHash, { mfaState: 'verified' });
    await recordAudit(tx, actor, { action: 'auth.mfa_verified', entityType: 'user', entityId: user.id, details: { method: step !== null ? 'totp' : 'recovery_code' } });
  });
  return describeSession(ctx, { ...session, mfaState: 'verified' });
}

/** Start TOTP set-up: a new pending secret, its otpauth URL and a QR code. */
export async function beginMfaSetup(ctx: ServiceContext, session: SessionHandle): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const user = await usersRepo.findUserById(ctx.database.db, session.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in again.');
  if (session.mfaState === 'required') throw new AppError('MFA_REQUIRED', 'Enter your current code first.');
  const secret = generateTotpSecret();
  await usersRepo.updateUser(ctx.database.db, user.id, { totpPendingSecretEnc: ctx.encryptor.encrypt(secret, `users.totp_pending:${user.id}`) });
  const otpauthUrl = buildOtpauthUrl(secret, user.email);
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUrl, qrSvg };
}

/** Finish TOTP set-up with a code from the app; returns recovery codes (shown once). */
export async function enableMfa(ctx: ServiceContext, session: SessionHandle, code: string, actor: Actor): Promise<{ recoveryCodes: string[] }> {
  const user = await usersRepo.findUserById(ctx.database.db, session.userId);
  if (!user?.totpPendingSecretEnc) throw new AppError('MFA_NOT_PENDING', 'Start the set-up first.');
  const secret = ctx.encryptor.decrypt(user.totpPendingSecretEnc, `users.totp_pending:${user.id}`);
  const step = checkTotpCode(secret, code, null);
  if (step === null) throw new AppError('INVALID_MFA_CODE', 'That code is not valid. Check the time on your phone and try again.');
  const codes = generateRecoveryCodes(10);
  await inTransaction(ctx, async (tx) => {
    await usersRepo.updateUser(tx, user.id, {
      totpSecretEnc: ctx.encryptor.encrypt(secret, `users.totp:${user.id}`),
      totpPendingSecretEnc: null,
      totpEnabledAt: new Date(),
      totpLastStep: step,
    });
    await usersRepo.replaceRecoveryCodes(tx, user.id, codes.map((c) => ({ id: randomUUID(), codeHash: hashSecret(normaliseRecoveryCode(c)) })));
    await sessionsRepo.deleteSessionsOfUser(tx, user.id, session.idHash);
    await sessionsRepo.updateSession(tx, session.idHash, { mfaState: 'verified' });
    await recordAudit(tx, actor, { action: 'auth.mfa_enabled', entityType: 'user', entityId: user.id });
  });
  return { recoveryCodes: codes };
}

/** Change one's own password; other sessions of the user end. */
export async function changePassword(
  ctx: ServiceContext,
  session: SessionHandle,
  input: { currentPassword: string; newPassword: string },
  actor: Actor,
): Promise<void> {
  const user = await usersRepo.findUserById(ctx.database.db, session.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in again.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', 'The current password is not correct.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await usersRepo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: new Date() });
    await sessionsRepo.deleteSessionsOfUser(tx, user.id, session.idHash);
    await recordAudit(tx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}

/** Set one's interface language. */
export async function updatePreferences(ctx: ServiceContext, session: SessionHandle, input: { locale: string }): Promise<void> {
  await usersRepo.updateUser(ctx.database.db, session.userId, { locale: input.locale });
}
