import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { pruneLoginAttempts, totpCode } from './index.js';

const START = new Date('2026-03-02T08:00:00Z');
let now = new Date(START);
let t: TestApp;

const minutes = (n: number) => n * 60_000;
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
/** Each sign-in needs a fresh TOTP step: a code is single-use. */
const nextStep = () => advance(30_000);

function login(staff: TestStaff, overrides: Partial<{ password: string; code: string }> = {}, ip = '203.0.113.10', lang = 'en') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/auth/login?lang=${lang}`,
    remoteAddress: ip,
    payload: {
      username: staff.username,
      password: overrides.password ?? staff.password,
      code: overrides.code ?? totpCode(staff.totpSecret, now),
    },
  });
}

function sessionCookie(response: Awaited<ReturnType<typeof login>>): string {
  const cookie = response.cookies.find((c) => c.name === '__Host-aman_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now, env: { AMAN_RATE_LIMIT_LOGIN: '1000', AMAN_RATE_LIMIT_LOGIN_FAILURES: '12' } });
});
afterAll(async () => {
  await t.app.close();
});

describe('sign-in', () => {
  it('signs in with password and TOTP and sets a __Host- cookie that is HttpOnly, Secure and SameSite', async () => {
    const staff = await createStaff(t, ['operator'], { level: 'country' }, now);
    nextStep();
    const response = await login(staff);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      username: staff.username,
      roles: ['operator'],
      sections: expect.arrayContaining(['incidents', 'dispatch', 'map']),
    });
    expect(response.json().sections).not.toContain('admin');
    const cookie = response.cookies.find((c) => c.name === '__Host-aman_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.domain).toBeUndefined();
    expect((await me(sessionCookie(response))).statusCode).toBe(200);
  });

  it('accepts each TOTP code once', async () => {
    const staff = await createStaff(t, ['analyst'], { level: 'country' }, now);
    nextStep();
    const code = totpCode(staff.totpSecret, now);
    expect((await login(staff, { code })).statusCode).toBe(200);
    const replay = await login(staff, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.invalid_credentials');
  });

  it('refuses a wrong code or password with the same answer, in the caller’s language', async () => {
    const staff = await createStaff(t, ['analyst'], { level: 'country' }, now);
    nextStep();
    const wrongCode = await login(staff, { code: '000000' }, '203.0.113.20', 'ru');
    const wrongPassword = await login(staff, { password: 'not the password' }, '203.0.113.20', 'kk');
    expect(wrongCode.statusCode).toBe(401);
    expect(wrongCode.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrongCode.json().title).toBe('Неверный логин, пароль или код подтверждения');
    expect(wrongPassword.json().title).toBe('Логин, құпиясөз немесе растау коды қате');
    expect(wrongPassword.json().code).toBe(wrongCode.json().code);
  });

  it('refuses an unknown user exactly like a wrong password', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-here', password: 'whatever it is', code: '123456' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.invalid_credentials');
  });

  it('locks the account for 10 minutes after 5 failures in 15 minutes, and an admin can unlock it', async () => {
    const staff = await createStaff(t, ['operator'], { level: 'country' }, now);
    for (let i = 0; i < 5; i++) {
      advance(minutes(2));
      expect((await login(staff, { password: `wrong ${i}` }, `198.51.100.${i}`)).statusCode).toBe(401);
    }
    nextStep();
    const locked = await login(staff);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('auth.locked');

    advance(minutes(11));
    expect((await login(staff)).statusCode).toBe(200);

    for (let i = 0; i < 5; i++) await login(staff, { password: `wrong again ${i}` }, `198.51.100.${50 + i}`);
    nextStep();
    expect((await login(staff)).statusCode).toBe(423);
    const adminSession = await createStaff(t, ['admin'], { level: 'country' }, now);
    const unlock = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${staff.id}/unlock`,
      headers: { cookie: adminSession.cookie },
    });
    expect(unlock.statusCode).toBe(204);
    nextStep();
    expect((await login(staff)).statusCode).toBe(200);
  });

  it('does not lock an account for failures spread over more than 15 minutes', async () => {
    const staff = await createStaff(t, ['operator'], { level: 'country' }, now);
    for (let i = 0; i < 6; i++) {
      advance(minutes(4));
      await login(staff, { password: `wrong ${i}` }, `192.0.2.${i}`);
    }
    nextStep();
    expect((await login(staff)).statusCode).toBe(200);
  });

  it('throttles an address that keeps failing, without locking the accounts it tries', async () => {
    const victims = await Promise.all([1, 2, 3].map(() => createStaff(t, ['operator'], { level: 'country' }, now)));
    advance(minutes(20));
    const attacker = '198.18.0.66';
    for (let i = 0; i < 12; i++) await login(victims[i % 3]!, { password: `guess ${i}` }, attacker);
    nextStep();
    const throttled = await login(victims[0]!, {}, attacker);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('auth.throttled');
    // Four failures each: below the lockout threshold, so the dispatchers still get in from their desks.
    for (const victim of victims) {
      nextStep();
      expect((await login(victim, {}, '203.0.113.99')).statusCode).toBe(200);
    }
  });
});

describe('sessions', () => {
  it('ends a session idle for more than 30 minutes', async () => {
    const staff = await createStaff(t, ['operator'], { level: 'country' }, now);
    nextStep();
    const cookie = sessionCookie(await login(staff));
    advance(minutes(29));
    expect((await me(cookie)).statusCode).toBe(200);
    advance(minutes(29));
    expect((await me(cookie)).statusCode).toBe(200);
    advance(minutes(31));
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('auth.session_expired');
    expect((await me(cookie)).json().code).toBe('auth.required');
  });

  it('requires signing in again after 12 hours however active the session', async () => {
    const staff = await createStaff(t, ['operator'], { level: 'country' }, now);
    nextStep();
    const cookie = sessionCookie(await login(staff));
    for (let i = 0; i < 24; i++) {
      advance(minutes(29));
      expect((await me(cookie)).statusCode).toBe(200);
    }
    advance(minutes(29));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends the sessions of a user an admin disables', async () => {
    const staff = await createStaff(t, ['operator'], { level: 'country' }, now);
    const admin = await createStaff(t, ['admin'], { level: 'country' }, now);
    nextStep();
    const cookie = sessionCookie(await login(staff));
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${staff.id}`,
      headers: { cookie: admin.cookie },
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    nextStep();
    expect((await login(staff)).statusCode).toBe(401);
  });

  it('signs out', async () => {
    const staff = await createStaff(t, ['operator'], { level: 'country' }, now);
    nextStep();
    const cookie = sessionCookie(await login(staff));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write from another origin', async () => {
    const staff = await createStaff(t, ['operator'], { level: 'country' }, now);
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/language',
      headers: { cookie: staff.cookie, origin: 'https://evil.example', host: 'aman.example' },
      payload: { language: 'ru' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.csrf');
  });
});

describe('sign-in attempts', () => {
  it('are pruned after a day, keeping the recent ones the lockout windows need', async () => {
    const staff = await createStaff(t, ['operator'], { level: 'country' }, now);
    await login(staff, { password: 'old failure' }, '203.0.113.200');
    advance(minutes(25 * 60));
    await login(staff, { password: 'recent failure' }, '203.0.113.201');
    await pruneLoginAttempts(t.database.db, now);
    const left = await t.database.db.selectFrom('login_attempts').select('ip').where('user_id', '=', staff.id).execute();
    expect(left.map((r) => r.ip)).toEqual(['203.0.113.201']);
  });
});

describe('passwords', () => {
  it('refuses short and common passwords and accepts a long passphrase without composition rules', async () => {
    const admin = await createStaff(t, ['admin'], { level: 'country' }, now);
    const create = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/users?lang=en',
        headers: { cookie: admin.cookie },
        payload: {
          username: `pw-${Math.random().toString(36).slice(2, 10)}`,
          displayName: 'P W',
          password,
          roles: ['officer'],
          jurisdiction: { level: 'country' },
        },
      });
    expect((await create('short1')).json().code).toBe('password.too_short');
    expect((await create('password123')).json().code).toBe('password.common');
    expect((await create('qwertyuiop')).json().code).toBe('password.common');
    expect((await create('x'.repeat(129))).json().code).toBe('password.too_long');
    const ok = await create('steppe wind over the river');
    expect(ok.statusCode).toBe(201);
    expect(ok.json().totp.uri).toMatch(/^otpauth:\/\/totp\/Aman:/);
  });
});
