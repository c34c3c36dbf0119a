import type { Kysely } from 'kysely';
import type { Jurisdiction } from '../../../common/roles.js';
import type { Tables } from '../../db/tables.js';
import { publishEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { appendTimeline, updateCase, type CaseRow } from './case-store.js';
import { accessCase } from './case-access.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import {
  activeOrderNear,
  findOrder,
  insertOrder,
  insertViolation,
  listOrders as storeListOrders,
  type OrderRow,
  type ViolationRow,
} from './order-store.js';
import { orderExpiry } from './order-terms.js';
import { checkReferral } from './referrals.js';
import type { OrderRequest, OrderView, ViolationRecordView, ViolationRequest, ViolationView } from './schema.js';
import type { Caller } from './scope.js';
import { lockCase, writeOpenCase } from './case-write.js';

export function presentOrder(row: OrderRow, now: Date): OrderView {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    conditions: row.conditions,
    legalBasis: row.legal_basis,
    issuedAt: row.issued_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    isActive: row.issued_at <= now && row.expires_at > now,
    violations: Number(row.violations ?? 0),
  };
}

/** A breach in its order's history; what happened is opened for the case's readers. */
export function presentViolation(deps: PreventionDeps, row: ViolationRow): ViolationRecordView {
  return {
    id: row.id,
    orderId: row.order_id,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    legalBasis: row.legal_basis,
    description: row.description_enc === null ? null : deps.fieldCrypto.decrypt(row.description_enc),
    incidentId: row.incident_id,
  };
}

/** Issues a police protection order or records the court's special requirements on a case. */
export async function issueOrder(deps: PreventionDeps, caller: Caller, caseId: string, input: OrderRequest): Promise<OrderView> {
  const { row } = await accessCase(deps, caller, caseId);
  const now = deps.clock();
  const issuedAt = input.issuedAt ? new Date(input.issuedAt) : now;
  const expiresAt = orderExpiry(input.kind, issuedAt, input.months);
  const id = await writeOpenCase(deps.db, row.id, async (trx) => {
    const orderId = await insertOrder(trx, {
      caseId: row.id,
      kind: input.kind,
      conditions: input.conditions,
      legalBasis: input.legalBasis,
      issuedAt,
      expiresAt,
      by: caller.user.userId,
    });
    const details = { orderId, kind: input.kind, conditions: input.conditions, expiresAt: expiresAt.toISOString() };
    await appendTimeline(trx, {
      caseId: row.id,
      regionId: row.region_id,
      at: now,
      kind: 'order.issued',
      actorId: caller.user.userId,
      legalBasis: input.legalBasis,
      details,
    });
    await updateCase(trx, row.id, { now });
    await auditStaff(trx, caller, {
      action: 'prevention.order.issue',
      target: { type: 'protection_order', id: orderId },
      regionId: row.region_id,
      details: { caseId: row.id, ...details },
      at: now,
    });
    return orderId;
  });
  const order = await findOrder(deps.db, caller.user.jurisdiction, id);
  return presentOrder(order!, now);
}

/** Orders in the caller's jurisdiction; `expiringWithinDays` gives the reminder list of orders about to end. */
export async function listOrders(
  deps: PreventionDeps,
  jurisdiction: Jurisdiction,
  query: { cursor?: string; limit: number; expiringWithinDays?: number },
) {
  const now = deps.clock();
  const activeUntil =
    query.expiringWithinDays === undefined ? undefined : new Date(now.getTime() + query.expiringWithinDays * 86_400_000);
  const page = await storeListOrders(deps.db, jurisdiction, { ...query, now, activeUntil });
  return { items: page.items.map((o) => presentOrder(o, now)), nextCursor: page.nextCursor };
}

/**
 * Records a breach of an order in force. A breach is further abuse: the case needs a
 * reassessment, and the referral rules run (a repeat after a referral goes straight back).
 * Kept on a closed case too (see case-write.ts): the answer says so, and the case stays marked
 * for reassessment until its team reopens it and reassesses.
 */
export async function recordViolation(deps: PreventionDeps, caller: Caller, orderId: string, input: ViolationRequest) {
  const order = await findOrder(deps.db, caller.user.jurisdiction, orderId);
  if (!order) throw new AppError('prevention.order_not_found');
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt < order.issued_at || occurredAt >= order.expires_at) throw new AppError('prevention.order_not_in_force');
  const { row } = await accessCase(deps, caller, order.case_id);
  const now = deps.clock();
  const description = input.description?.trim();
  const sealed: SealedViolation = {
    occurredAt: input.occurredAt,
    legalBasis: input.legalBasis,
    incidentId: input.incidentId,
    descriptionEnc: description ? deps.fieldCrypto.encrypt(description) : undefined,
  };
  return deps.db.transaction().execute((trx) => recordViolationIn(trx, caller, order, row, sealed, now));
}

/** A breach as it is written: what happened already sealed. */
export interface SealedViolation {
  occurredAt: string;
  legalBasis: string;
  incidentId?: string | undefined;
  descriptionEnc?: string | undefined;
}

/**
 * A breach of an order in force, written in the caller's transaction: so a programme's missed
 * session and the breach it makes commit together or not at all.
 */
export async function recordViolationIn(
  trx: Kysely<Tables>,
  caller: Caller,
  order: OrderRow,
  row: CaseRow,
  input: SealedViolation,
  now: Date,
): Promise<ViolationView> {
  const occurredAt = new Date(input.occurredAt);
  const { isOpen } = await lockCase(trx, row.id);
  const id = await insertViolation(trx, {
    orderId: order.id,
    caseId: row.id,
    regionId: row.region_id,
    occurredAt,
    legalBasis: input.legalBasis,
    incidentId: input.incidentId ?? null,
    descriptionEnc: input.descriptionEnc ?? null,
    by: caller.user.userId,
    now,
  });
  await updateCase(trx, row.id, { needsReassessment: true, now });
  await appendTimeline(trx, {
    caseId: row.id,
    regionId: row.region_id,
    at: now,
    kind: 'order.violated',
    actorId: caller.user.userId,
    legalBasis: input.legalBasis,
    details: { orderId: order.id, violationId: id, occurredAt: input.occurredAt, ...(!isOpen && { caseClosed: true }) },
  });
  // The district inspector's console hears of it; ids only, as events reach a whole region.
  await publishEvent(trx, {
    type: 'prevention.order-violated',
    regionId: row.region_id,
    districtId: row.district_id,
    beatId: row.beat_id,
    payload: { caseId: row.id, orderId: order.id, responsibleOfficerId: row.responsible_officer_id },
  });
  await auditStaff(trx, caller, {
    action: 'prevention.order.violation',
    target: { type: 'protection_order', id: order.id },
    regionId: row.region_id,
    details: { caseId: row.id, violationId: id, caseClosed: !isOpen, described: input.descriptionEnc !== undefined },
    at: now,
  });
  const referral = await checkReferral(trx, caller, row, now);
  return { id, orderId: order.id, caseId: row.id, caseClosed: !isOpen, needsReassessment: true, referral };
}

/**
 * For dispatch's caution flag: is a protection order in force within `metres` of the point?
 * Only a yes or no — never who it protects.
 */
export async function hasActiveProtectionOrderNear(
  db: Kysely<Tables>,
  point: { lon: number; lat: number },
  metres: number,
  now: Date = new Date(),
): Promise<boolean> {
  return activeOrderNear(db, point, metres, now);
}
