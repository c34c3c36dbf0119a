import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit } from '../audit/index.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { jurisdictionOf, type UsersTable } from './tables.js';
import { matchTotpStep } from './totp.js';

const MINUTE = 60_000;
/** CJIS Security Policy: session lock after 30 minutes of inactivity; we end the session. */
export const IDLE_TIMEOUT_MS = 30 * MINUTE;
/** Re-authentication at least every 12 hours, whatever the activity. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * MINUTE;
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * MINUTE;
export const LOCKOUT_DURATION_MS = 10 * MINUTE;
// Writing last_seen_at on every request would turn each read into a write.
const TOUCH_INTERVAL_MS = 30_000;

export interface AuthDeps {
  db: Kysely<Tables>;
  fieldCrypto: FieldCrypto;
  clock: () => Date;
  /** Failed sign-ins one address may make in 15 minutes before it is throttled. */
  failuresPerIp: number;
}

export interface LoginInput {
  username: string;
  password: string;
  code: string;
  ip: string;
  userAgent: string | null;
}

export function sessionId(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function userActor(user: Selectable<UsersTable>, sessionKey: string): Actor {
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    roles: user.roles,
    jurisdiction: jurisdictionOf(user),
    language: user.language,
    sessionId: sessionKey,
  };
}

async function failuresFromIp(deps: AuthDeps, ip: string, now: Date): Promise<number> {
  const row = await deps.db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('success', '=', false)
    .where('at', '>', new Date(now.getTime() - LOCKOUT_WINDOW_MS))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Counts the failure and locks the account when it is the fifth within 15 minutes. */
async function recordFailure(
  deps: AuthDeps,
  input: LoginInput,
  user: Selectable<UsersTable> | undefined,
  reason: string,
  now: Date,
) {
  const { db } = deps;
  await db
    .insertInto('login_attempts')
    .values({ user_id: user?.id ?? null, ip: input.ip, at: now, success: false })
    .execute();
  await recordAudit(db, {
    action: 'auth.login',
    outcome: 'failure',
    actor: { kind: 'anonymous', id: null },
    target: { type: 'user', id: user?.id ?? null },
    ip: input.ip,
    details: { username: input.username.slice(0, 64), reason },
  });
  if (!user || (user.locked_until && user.locked_until > now)) return;
  const since = new Date(Math.max(now.getTime() - LOCKOUT_WINDOW_MS, user.failures_reset_at?.getTime() ?? 0));
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', user.id)
    .where('success', '=', false)
    .where('at', '>=', since)
    .executeTakeFirst();
  if (Number(row?.n ?? 0) >= LOCKOUT_FAILURES) {
    await db
      .updateTable('users')
      .set({ locked_until: new Date(now.getTime() + LOCKOUT_DURATION_MS), failures_reset_at: now })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(db, {
      action: 'auth.lockout',
      outcome: 'success',
      actor: { kind: 'system', id: null },
      target: { type: 'user', id: user.id },
      ip: input.ip,
      details: { failures: LOCKOUT_FAILURES },
    });
  }
}

/**
 * Signs a staff member in with password and a TOTP code. Every outcome is audited; wrong
 * answers never say which part was wrong.
 */
export async function login(deps: AuthDeps, input: LoginInput): Promise<{ token: string; actor: Actor }> {
  const { db } = deps;
  const now = deps.clock();
  if ((await failuresFromIp(deps, input.ip, now)) >= deps.failuresPerIp) {
    await recordAudit(db, {
      action: 'auth.login',
      outcome: 'refused',
      actor: { kind: 'anonymous', id: null },
      ip: input.ip,
      details: { username: input.username.slice(0, 64), reason: 'ip throttled' },
    });
    throw new AppError('auth.throttled', {}, { 'retry-after': String(LOCKOUT_WINDOW_MS / 1000) });
  }
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', input.username.trim().toLowerCase())
    .executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user || user.disabled || !passwordOk) {
    await recordFailure(deps, input, user, !user ? 'unknown user' : user.disabled ? 'disabled' : 'password', now);
    throw new AppError('auth.invalid_credentials');
  }
  if (user.locked_until && user.locked_until > now) {
    await recordFailure(deps, input, user, 'locked', now);
    throw new AppError('auth.locked');
  }
  const step = matchTotpStep(deps.fieldCrypto.decrypt(user.totp_secret_enc), input.code.trim(), now);
  // The conditional update makes a code single-use even when two requests race with it.
  const accepted =
    step !== null &&
    (
      await db
        .updateTable('users')
        .set({ totp_last_step: step, failures_reset_at: now, locked_until: null })
        .where('id', '=', user.id)
        .where('totp_last_step', '<', step)
        .executeTakeFirst()
    ).numUpdatedRows > 0n;
  if (!accepted) {
    await recordFailure(deps, input, user, step === null ? 'totp' : 'totp replayed', now);
    throw new AppError('auth.invalid_credentials');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const id = sessionId(token);
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: user.id,
      created_at: now,
      last_seen_at: now,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  await db.insertInto('login_attempts').values({ user_id: user.id, ip: input.ip, at: now, success: true }).execute();
  await recordAudit(db, {
    action: 'auth.login',
    outcome: 'success',
    actor: { kind: 'user', id: user.id },
    target: { type: 'user', id: user.id },
    regionId: user.region_id,
    ip: input.ip,
  });
  return { token, actor: userActor(user, id) };
}

/** The signed-in user behind a session cookie; ends sessions that idled or outlived 12 hours. */
export async function authenticateSession(deps: AuthDeps, token: string): Promise<Actor | 'expired' | null> {
  const { db } = deps;
  const id = sessionId(token);
  // One round trip on every staff request: the session and its user together (sessions cascade with users).
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.created_at as session_created_at', 'sessions.last_seen_at as session_last_seen_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const { session_created_at: createdAt, session_last_seen_at: lastSeenAt, ...user } = row;
  const now = deps.clock().getTime();
  const idle = now - lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
  const old = now - createdAt.getTime() > ABSOLUTE_TIMEOUT_MS;
  if (user.disabled || idle || old) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return user.disabled ? null : 'expired';
  }
  if (now - lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('id', '=', id)
      .execute();
  }
  return userActor(user, id);
}

export async function logout(deps: AuthDeps, actor: Actor, ip: string): Promise<void> {
  if (actor.kind !== 'user') return;
  await deps.db.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
  await recordAudit(deps.db, { action: 'auth.logout', outcome: 'success', actor: { kind: 'user', id: actor.userId }, ip });
}

/** Ends every session of a user: on disabling, password change or role change. */
export async function endSessions(db: Kysely<Tables>, userId: string, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

/** Old login attempts are only needed for the 15-minute windows; a day is plenty for investigation. */
export async function pruneLoginAttempts(db: Kysely<Tables>, now: Date): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where('at', '<', new Date(now.getTime() - 24 * 60 * MINUTE))
    .execute();
}
