import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { COUNTRY, type Actor, type ApiKeyKind } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';

export const API_KEY_KINDS: readonly ApiKeyKind[] = ['open311', 'device', 'partner'];

// 256 random bits: a plain SHA-256 is enough to store it; a slow hash adds nothing for such keys.
function keyHash(raw: string): string {
  return crypto.createHash('sha256').update(raw).digest('hex');
}

/** Issues a key for a device or partner system; the key itself is returned once and stored only hashed. */
export async function createApiKey(
  db: Kysely<Tables>,
  input: {
    kind: ApiKeyKind;
    name: string;
    jurisdiction?: Jurisdiction;
    createdBy: string | null;
    /** Only for the demo seed, whose key is published in the README. */
    fixedKey?: string;
  },
): Promise<{ id: string; key: string }> {
  const key = input.fixedKey ?? `aman_${input.kind}_${crypto.randomBytes(32).toString('base64url')}`;
  const j = input.jurisdiction ?? COUNTRY;
  const row = await db
    .insertInto('api_keys')
    .values({
      kind: input.kind,
      name: input.name,
      key_hash: keyHash(key),
      jurisdiction_level: j.level,
      region_id: j.regionId,
      district_id: j.districtId,
      beat_id: j.beatId,
      created_by: input.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    action: 'api_key.create',
    outcome: 'success',
    actor: input.createdBy ? { kind: 'user', id: input.createdBy } : { kind: 'system', id: null },
    target: { type: 'api_key', id: row.id },
    regionId: j.regionId,
    details: { kind: input.kind, name: input.name },
  });
  return { id: row.id, key };
}

export async function authenticateApiKey(db: Kysely<Tables>, raw: string, now: Date): Promise<Actor | null> {
  if (raw.length > 200) return null;
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash(raw))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return {
    kind: 'apiKey',
    keyId: row.id,
    keyKind: row.kind,
    name: row.name,
    jurisdiction: { level: row.jurisdiction_level, regionId: row.region_id, districtId: row.district_id, beatId: row.beat_id },
  };
}

export async function listApiKeys(db: Kysely<Tables>) {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

/**
 * Moves a key to another jurisdiction, inside the caller's transaction: a device's key follows the
 * device when it is moved (the device's own change is what the audit log records).
 */
export async function moveApiKey(db: Kysely<Tables>, id: string, jurisdiction: Jurisdiction): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({
      jurisdiction_level: jurisdiction.level,
      region_id: jurisdiction.regionId,
      district_id: jurisdiction.districtId,
      beat_id: jurisdiction.beatId,
    })
    .where('id', '=', id)
    .execute();
}

export async function revokeApiKey(db: Kysely<Tables>, actorId: string, id: string, now: Date): Promise<void> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(id);
  const result = isUuid
    ? await db
        .updateTable('api_keys')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
    : null;
  if (!result || result.numUpdatedRows === 0n) throw new AppError('api_key.not_found');
  await recordAudit(db, {
    action: 'api_key.revoke',
    outcome: 'success',
    actor: { kind: 'user', id: actorId },
    target: { type: 'api_key', id },
  });
}
