import { sql, type Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { newestFirstPage, olderThanCursor } from '../../http/paging.js';
import type { OrderKind } from './schema.js';
import { inJurisdiction, isUuid } from './scope.js';

type Db = Kysely<Tables>;

function orders(db: Db) {
  return db
    .selectFrom('protection_orders')
    .select([
      'protection_orders.id',
      'protection_orders.case_id',
      'protection_orders.region_id',
      'protection_orders.kind',
      'protection_orders.conditions',
      'protection_orders.legal_basis',
      'protection_orders.issued_at',
      'protection_orders.expires_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('protection_order_violations')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('protection_order_violations.order_id', '=', 'protection_orders.id')
        .as('violations'),
    );
}

export type OrderRow = Awaited<ReturnType<ReturnType<typeof orders>['executeTakeFirstOrThrow']>>;

/** Issues an order protecting the case's place (copied from the case, so a proximity check needs no join). */
export async function insertOrder(
  db: Db,
  input: {
    caseId: string;
    kind: OrderKind;
    conditions: string[];
    legalBasis: string;
    issuedAt: Date;
    expiresAt: Date;
    by: string;
  },
): Promise<string> {
  const row = await sql<{ id: string }>`
    insert into protection_orders
      (case_id, region_id, district_id, beat_id, kind, conditions, legal_basis, location, issued_at, expires_at, issued_by)
    select id, region_id, district_id, beat_id, ${input.kind}, ${input.conditions}::text[], ${input.legalBasis}, location,
           ${input.issuedAt}, ${input.expiresAt}, ${input.by}
    from dv_cases where id = ${input.caseId}
    returning id`.execute(db);
  return row.rows[0]!.id;
}

export async function findOrder(db: Db, jurisdiction: Jurisdiction, id: string) {
  if (!isUuid(id)) return undefined;
  return orders(db)
    .where('protection_orders.id', '=', id)
    .where(inJurisdiction(jurisdiction, 'protection_orders'))
    .executeTakeFirst();
}

/** Orders in the jurisdiction, latest expiry first; with `activeUntil`, only those active now that end by then. */
export async function listOrders(
  db: Db,
  jurisdiction: Jurisdiction,
  filter: { cursor?: string; limit: number; now: Date; activeUntil?: Date },
) {
  const older = olderThanCursor(filter.cursor, 'protection_orders.expires_at', 'protection_orders.id');
  let q = orders(db)
    .where(inJurisdiction(jurisdiction, 'protection_orders'))
    .orderBy('protection_orders.expires_at', 'desc')
    .orderBy('protection_orders.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.activeUntil) {
    q = q
      .where('protection_orders.issued_at', '<=', filter.now)
      .where('protection_orders.expires_at', '>', filter.now)
      .where('protection_orders.expires_at', '<=', filter.activeUntil);
  }
  if (older) q = q.where(older);
  return newestFirstPage(await q.execute(), filter.limit, (row) => ({ at: row.expires_at, id: row.id }));
}

export async function insertViolation(
  db: Db,
  input: {
    orderId: string;
    caseId: string;
    regionId: string;
    occurredAt: Date;
    legalBasis: string;
    incidentId: string | null;
    descriptionEnc: string | null;
    by: string;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('protection_order_violations')
    .values({
      order_id: input.orderId,
      case_id: input.caseId,
      region_id: input.regionId,
      occurred_at: input.occurredAt,
      legal_basis: input.legalBasis,
      incident_id: input.incidentId,
      description_enc: input.descriptionEnc,
      recorded_by: input.by,
      recorded_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Is any order in force at `now` protecting a place within `metres` of the point? */
export async function activeOrderNear(db: Db, point: { lon: number; lat: number }, metres: number, now: Date): Promise<boolean> {
  const found = await sql<{ found: boolean }>`
    select exists (
      select 1 from protection_orders
      where issued_at <= ${now} and expires_at > ${now}
        and ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint(${point.lon}, ${point.lat}), 4326)::geography, ${metres})
    ) as found`.execute(db);
  return found.rows[0]?.found === true;
}

/** Every breach of a case's orders, in the order they happened. */
export async function caseViolations(db: Db, caseId: string) {
  return db
    .selectFrom('protection_order_violations')
    .select(['id', 'order_id', 'occurred_at', 'recorded_at', 'legal_basis', 'description_enc', 'incident_id'])
    .where('case_id', '=', caseId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

export type ViolationRow = Awaited<ReturnType<typeof caseViolations>>[number];

/** A case's orders, latest expiry first. */
export async function caseOrders(db: Db, caseId: string) {
  return orders(db)
    .where('protection_orders.case_id', '=', caseId)
    .orderBy('protection_orders.expires_at', 'desc')
    .orderBy('protection_orders.id', 'desc')
    .execute();
}
