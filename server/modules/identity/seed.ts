import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { Secret } from 'otpauth';
import type { Jurisdiction, Role } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import type { Actor } from '../../http/actor.js';
import { createApiKey } from './api-keys.js';
import { jurisdictionOf } from './tables.js';
import { createUser, type UserDeps } from './users.js';

/** The published demo password; demo accounts exist only where demo data is seeded. */
export const DEMO_PASSWORD = 'aman-demo-2026';
/** The published demo Open311 key, so the README can show a working request. */
export const DEMO_OPEN311_KEY = 'aman_open311_demo-key-for-the-readme-only';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: Jurisdiction;
  totpSecret: string;
}

/** Deterministic so the README can print each account's authenticator secret. */
export function demoTotpSecret(username: string): string {
  return new Secret({ buffer: Uint8Array.from(crypto.createHash('sha1').update(`aman-demo:${username}`).digest()).buffer })
    .base32;
}

const COUNTRY: Jurisdiction = { level: 'country', regionId: null, districtId: null, beatId: null };

/** Demo staff of every role: national ones, and a team in Almaty and Astana. */
export function demoUsers(places: { almatyDistrict: string; almatyBeat: string }): DemoUser[] {
  const almaty: Jurisdiction = { level: 'region', regionId: '750000000', districtId: null, beatId: null };
  const astana: Jurisdiction = { level: 'region', regionId: '710000000', districtId: null, beatId: null };
  const shymkent: Jurisdiction = { level: 'region', regionId: '790000000', districtId: null, beatId: null };
  const district: Jurisdiction = { level: 'district', regionId: '750000000', districtId: places.almatyDistrict, beatId: null };
  const beat: Jurisdiction = {
    level: 'beat',
    regionId: '750000000',
    districtId: places.almatyDistrict,
    beatId: places.almatyBeat,
  };
  const users: Omit<DemoUser, 'totpSecret'>[] = [
    { username: 'admin', displayName: 'Әкімші (Демо)', roles: ['admin'], jurisdiction: COUNTRY },
    { username: 'analyst', displayName: 'Талдаушы Айгерім (Демо)', roles: ['analyst'], jurisdiction: COUNTRY },
    { username: 'operator.almaty', displayName: 'Оператор Данияр (Демо)', roles: ['operator'], jurisdiction: almaty },
    { username: 'supervisor.almaty', displayName: 'Бастық Ерлан (Демо)', roles: ['supervisor'], jurisdiction: almaty },
    { username: 'officer.almaty', displayName: 'Учаскелік инспектор Асқар (Демо)', roles: ['officer'], jurisdiction: beat },
    { username: 'investigator.almaty', displayName: 'Тергеуші Мадина (Демо)', roles: ['investigator'], jurisdiction: district },
    { username: 'prosecutor.almaty', displayName: 'Прокурор Серік (Демо)', roles: ['prosecutor'], jurisdiction: almaty },
    { username: 'partner.almaty', displayName: 'Дағдарыс орталығы (Демо)', roles: ['partner'], jurisdiction: almaty },
    { username: 'operator.astana', displayName: 'Оператор Гүлнар (Демо)', roles: ['operator'], jurisdiction: astana },
    { username: 'admin.shymkent', displayName: 'Әкімші Шымкент (Демо)', roles: ['admin'], jurisdiction: shymkent },
  ];
  return users.map((u) => ({ ...u, totpSecret: demoTotpSecret(u.username) }));
}

/** Seeds the demo accounts and the demo Open311 key; does nothing if they exist. */
export async function seedDemoIdentity(
  deps: UserDeps,
  places: { almatyDistrict: string; almatyBeat: string },
): Promise<DemoUser[]> {
  const existing = await deps.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (existing) return [];
  const users = demoUsers(places);
  for (const user of users) {
    await createUser(deps, null, { ...user, password: DEMO_PASSWORD });
  }
  await createApiKey(deps.db, { kind: 'open311', name: 'Demo Open311 client', createdBy: null, fixedKey: DEMO_OPEN311_KEY });
  return users;
}

/**
 * A demo account as the signed-in user it would be, for seeds that act through another module's
 * own services (so their writes are audited and encrypted as in real use); undefined when the
 * account does not exist.
 */
export async function demoActor(db: Kysely<Tables>, username: string): Promise<DemoActor | undefined> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!user) return undefined;
  const jurisdiction = jurisdictionOf(user);
  return { kind: 'user', userId: user.id, username, roles: user.roles, jurisdiction, language: 'kk', sessionId: 'demo-seed' };
}

export type DemoActor = Extract<Actor, { kind: 'user' }>;
