import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import type { CentreRequest } from './schema.js';
import { isUuid } from './scope.js';

type Db = Kysely<Tables>;

export async function insertCentre(db: Db, input: CentreRequest, now: Date) {
  return db
    .insertInto('crisis_centres')
    .values({
      region_id: input.regionId,
      name: input.name,
      kind: input.kind,
      phone: input.phone ?? null,
      beds_total: input.bedsTotal,
      accepts_children: input.acceptsChildren,
      occupancy_updated_at: now,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type CentreRow = Awaited<ReturnType<typeof insertCentre>>;

/** Centres in a region (all when null), most free beds first; `freeBeds` keeps those with room now. */
export async function listCentres(db: Db, filter: { regionId: string | null; freeBeds?: number }) {
  let q = db
    .selectFrom('crisis_centres')
    .selectAll()
    .orderBy((eb) => eb('beds_total', '-', eb.ref('beds_occupied')), 'desc')
    .orderBy('name');
  if (filter.regionId !== null) q = q.where('region_id', '=', filter.regionId);
  if (filter.freeBeds !== undefined)
    q = q.where((eb) => eb(eb('beds_total', '-', eb.ref('beds_occupied')), '>=', filter.freeBeds!));
  return q.execute();
}

export async function findCentre(db: Db, regionId: string | null, id: string) {
  if (!isUuid(id)) return undefined;
  let q = db.selectFrom('crisis_centres').selectAll().where('id', '=', id);
  if (regionId !== null) q = q.where('region_id', '=', regionId);
  return q.executeTakeFirst();
}

export async function setOccupancy(db: Db, id: string, occupied: number, now: Date) {
  return db
    .updateTable('crisis_centres')
    .set({ beds_occupied: occupied, occupancy_updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Takes beds if they are free, in one statement so two accepted referrals cannot share the last bed. */
export async function takeBeds(db: Db, id: string, beds: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('crisis_centres')
    .set((eb) => ({ beds_occupied: eb('beds_occupied', '+', beds), occupancy_updated_at: now }))
    .where('id', '=', id)
    .where((eb) => eb(eb('beds_total', '-', eb.ref('beds_occupied')), '>=', beds))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertCentreReferral(
  db: Db,
  input: { centreId: string; caseId: string | null; regionId: string; beds: number; by: string; now: Date },
) {
  return db
    .insertInto('crisis_centre_referrals')
    .values({
      centre_id: input.centreId,
      case_id: input.caseId,
      region_id: input.regionId,
      beds: input.beds,
      status: 'pending',
      referred_by: input.by,
      referred_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type CentreReferralRow = Awaited<ReturnType<typeof insertCentreReferral>>;

export async function findCentreReferral(db: Db, regionId: string | null, id: string) {
  if (!isUuid(id)) return undefined;
  let q = db.selectFrom('crisis_centre_referrals').selectAll().where('id', '=', id);
  if (regionId !== null) q = q.where('region_id', '=', regionId);
  return q.executeTakeFirst();
}

export async function decideCentreReferral(
  db: Db,
  id: string,
  decision: { status: 'accepted' | 'refused'; reasonEnc: string | null; by: string; now: Date },
) {
  return db
    .updateTable('crisis_centre_referrals')
    .set({ status: decision.status, refusal_reason_enc: decision.reasonEnc, decided_by: decision.by, decided_at: decision.now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Seals refusal reasons written in plain text before migration 0072. Idempotent and cheap when
 * there is nothing to do; returns how many it sealed.
 */
export async function sealPlainRefusalReasons(db: Db, fieldCrypto: FieldCrypto): Promise<number> {
  const rows = await db
    .selectFrom('crisis_centre_referrals')
    .select(['id', 'refusal_reason'])
    .where('refusal_reason', 'is not', null)
    .execute();
  for (const row of rows) {
    await db
      .updateTable('crisis_centre_referrals')
      .set({ refusal_reason_enc: fieldCrypto.encrypt(row.refusal_reason!), refusal_reason: null })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}
