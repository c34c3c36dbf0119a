import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Jurisdiction, Role } from '../../common/roles.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/connection.js';
import { SESSION_COOKIE } from '../http/access.js';
import { composeApp, type Aman } from '../main.js';
import { createIdentity } from '../modules/identity/index.js';
import { normaliseJurisdiction } from '../modules/geo/index.js';
import { createFieldCrypto } from '../secrets/field-crypto.js';
import type { Keys } from '../secrets/keys.js';
import { getTestDatabase } from './database.js';

export interface TestApp extends Aman {
  database: Database;
  config: Config;
  keys: Keys;
}

// One pair per test process, as one deployment has one: every app over the worker's shared
// database can then read what another encrypted there (a list shows other tests' rows too).
const processKeys: Keys = { secretKey: crypto.randomBytes(32), auditKey: crypto.randomBytes(32) };

export function testKeys(): Keys {
  return processKeys;
}

export function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = path.join(os.tmpdir(), `aman-test-${crypto.randomBytes(4).toString('hex')}`);
  return loadConfig({ AMAN_DATA_DIR: dataDir, AMAN_LOG_LEVEL: 'silent', ...env });
}

/** The whole app over the worker's test database (or the one given), as `npm start` composes it. */
export async function buildTestApp(
  options: {
    database?: Database;
    clock?: () => Date;
    env?: Record<string, string>;
    keys?: Keys;
    /** Fastify's logger options, to read what the server logs; silent when absent. */
    logger?: object;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await getTestDatabase());
  const config = testConfig(options.env);
  const keys = options.keys ?? testKeys();
  const aman = await composeApp({ config, database, keys, clock: options.clock, logger: options.logger ?? false });
  return { ...aman, database, config, keys };
}

export interface TestStaff {
  id: string;
  username: string;
  password: string;
  totpSecret: string;
  /** A Cookie header value for app.inject. */
  cookie: string;
}

let counter = 0;

/**
 * A staff user with a live session, made through the identity module's own user creation.
 * The session is written directly: sign-in itself has its own tests.
 */
export async function createStaff(
  t: TestApp,
  roles: Role[],
  jurisdiction: Partial<Jurisdiction> & { level: Jurisdiction['level'] },
  now = new Date(),
): Promise<TestStaff> {
  counter += 1;
  const username = `staff-${process.pid}-${counter}-${crypto.randomBytes(3).toString('hex')}`;
  const password = `correct horse ${crypto.randomBytes(4).toString('hex')}`;
  const identity = createIdentity({
    db: t.database.db,
    fieldCrypto: createFieldCrypto(t.keys.secretKey),
    clock: () => now,
    failuresPerIp: 1000,
    normaliseJurisdiction: (j) => normaliseJurisdiction(t.database.db, j),
  });
  const created = await identity.createUser({
    username,
    displayName: `Test ${username}`,
    password,
    roles,
    jurisdiction: { regionId: null, districtId: null, beatId: null, ...jurisdiction },
  });
  const token = crypto.randomBytes(32).toString('base64url');
  await t.database.db
    .insertInto('sessions')
    .values({
      id: crypto.createHash('sha256').update(token).digest('hex'),
      user_id: created.user.id,
      created_at: now,
      last_seen_at: now,
      ip: '127.0.0.1',
      user_agent: 'test',
    })
    .execute();
  return { id: created.user.id, username, password, totpSecret: created.totp.secret, cookie: `${SESSION_COOKIE}=${token}` };
}
