import type { Kysely, Selectable } from 'kysely';
import type { Jurisdiction, Language, Role } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { contains, jurisdictionFilter, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/paging.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit } from '../audit/index.js';
import { endSessions } from './auth.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { jurisdictionOf, type UsersTable } from './tables.js';
import { newTotpSecret, totpUri } from './totp.js';

export interface UserDeps {
  db: Kysely<Tables>;
  fieldCrypto: FieldCrypto;
  clock: () => Date;
  /** Checks that the places exist and fills in the wider ones (a district's region); null if not. */
  normaliseJurisdiction: (jurisdiction: Jurisdiction) => Promise<Jurisdiction | null>;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: Jurisdiction;
  language: Language;
  disabled: boolean;
  lockedUntil: string | null;
}

export function presentUser(user: Selectable<UsersTable>, now: Date): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: user.roles,
    jurisdiction: jurisdictionOf(user),
    language: user.language,
    disabled: user.disabled,
    lockedUntil: user.locked_until && user.locked_until > now ? user.locked_until.toISOString() : null,
  };
}

type AdminActor = Extract<Actor, { kind: 'user' }>;

async function grantableJurisdiction(deps: UserDeps, admin: AdminActor, wanted: Jurisdiction): Promise<Jurisdiction> {
  const jurisdiction = await deps.normaliseJurisdiction(wanted);
  if (!jurisdiction) throw new AppError('jurisdiction.invalid');
  if (!contains(admin.jurisdiction, jurisdiction)) throw new AppError('jurisdiction.outside');
  return jurisdiction;
}

/** A user the admin may manage; users outside the admin's jurisdiction do not exist for them. */
async function managedUser(deps: UserDeps, admin: AdminActor, id: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const user = isUuid ? await deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!user || !contains(admin.jurisdiction, jurisdictionOf(user))) throw new AppError('user.not_found');
  return user;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  jurisdiction: Jurisdiction;
  language?: Language;
  /** Only for the demo seed, whose TOTP secrets are published: real users always get a new one. */
  totpSecret?: string;
}

/** Creates a staff user; the TOTP secret is returned once, for the user's authenticator app. */
export async function createUser(deps: UserDeps, admin: AdminActor | null, input: NewUser) {
  const username = input.username.trim().toLowerCase();
  checkPasswordPolicy(input.password, username);
  const jurisdiction = admin
    ? await grantableJurisdiction(deps, admin, input.jurisdiction)
    : await deps.normaliseJurisdiction(input.jurisdiction);
  if (!jurisdiction) throw new AppError('jurisdiction.invalid');
  const secret = input.totpSecret ?? newTotpSecret();
  const values = {
    username,
    display_name: input.displayName.trim(),
    password_hash: await hashPassword(input.password),
    totp_secret_enc: deps.fieldCrypto.encrypt(secret),
    roles: [...new Set(input.roles)],
    jurisdiction_level: jurisdiction.level,
    region_id: jurisdiction.regionId,
    district_id: jurisdiction.districtId,
    beat_id: jurisdiction.beatId,
    language: input.language ?? 'kk',
  };
  const user = await deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) throw new AppError('user.username_taken');
    const created = await trx.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'user.create',
      outcome: 'success',
      actor: admin ? { kind: 'user', id: admin.userId } : { kind: 'system', id: null },
      target: { type: 'user', id: created.id },
      regionId: created.region_id,
      details: { roles: created.roles, jurisdiction },
    });
    return created;
  });
  return { user: presentUser(user, deps.clock()), totp: { secret, uri: totpUri(secret, username) } };
}

export interface UserPatch {
  displayName?: string;
  roles?: Role[];
  jurisdiction?: Jurisdiction;
  disabled?: boolean;
  language?: Language;
}

/** Changes a user; disabling, or changing roles or jurisdiction, ends their sessions. */
export async function updateUser(deps: UserDeps, admin: AdminActor, id: string, patch: UserPatch): Promise<UserView> {
  const user = await managedUser(deps, admin, id);
  const jurisdiction = patch.jurisdiction ? await grantableJurisdiction(deps, admin, patch.jurisdiction) : null;
  const changed = await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined && { display_name: patch.displayName.trim() }),
        ...(patch.roles && { roles: [...new Set(patch.roles)] }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        ...(patch.language && { language: patch.language }),
        ...(jurisdiction && {
          jurisdiction_level: jurisdiction.level,
          region_id: jurisdiction.regionId,
          district_id: jurisdiction.districtId,
          beat_id: jurisdiction.beatId,
        }),
        updated_at: deps.clock(),
      })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (patch.disabled || patch.roles || jurisdiction) await endSessions(trx, user.id);
    await recordAudit(trx, {
      action: 'user.update',
      outcome: 'success',
      actor: { kind: 'user', id: admin.userId },
      target: { type: 'user', id: user.id },
      regionId: updated.region_id,
      details: { changes: patch },
    });
    return updated;
  });
  return presentUser(changed, deps.clock());
}

export async function unlockUser(deps: UserDeps, admin: AdminActor, id: string): Promise<void> {
  const user = await managedUser(deps, admin, id);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ locked_until: null, failures_reset_at: deps.clock() })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, {
      action: 'user.unlock',
      outcome: 'success',
      actor: { kind: 'user', id: admin.userId },
      target: { type: 'user', id: user.id },
      regionId: user.region_id,
    });
  });
}

export async function getUser(deps: UserDeps, admin: AdminActor, id: string): Promise<UserView> {
  return presentUser(await managedUser(deps, admin, id), deps.clock());
}

/** Users inside the admin's jurisdiction, by username. */
export async function listUsers(deps: UserDeps, admin: AdminActor, page: { cursor?: string; limit: number }) {
  const after = decodeCursor(page.cursor);
  const scope = jurisdictionFilter(admin.jurisdiction);
  let q = deps.db
    .selectFrom('users')
    .selectAll()
    .orderBy('username')
    .limit(page.limit + 1);
  if (scope.regionId !== undefined) q = q.where('region_id', '=', scope.regionId);
  if (scope.districtId !== undefined) q = q.where('district_id', '=', scope.districtId);
  if (scope.beatId !== undefined) q = q.where('beat_id', '=', scope.beatId);
  if (after) q = q.where('username', '>', String(after[0]));
  const rows = await q.execute();
  const items = rows.slice(0, page.limit).map((u) => presentUser(u, deps.clock()));
  return { items, nextCursor: rows.length > page.limit ? encodeCursor([items[items.length - 1]?.username]) : null };
}

export async function setLanguage(db: Kysely<Tables>, actor: AdminActor, language: Language): Promise<void> {
  await db.updateTable('users').set({ language }).where('id', '=', actor.userId).execute();
}
