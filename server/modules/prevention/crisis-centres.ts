import { covers } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { caseFor } from './case-access.js';
import { partnerAgency } from './conference-store.js';
import {
  decideCentreReferral,
  findCentre,
  findCentreReferral,
  insertCentre,
  insertCentreReferral,
  listCentres as storeListCentres,
  setOccupancy,
  takeBeds,
  type CentreReferralRow,
  type CentreRow,
} from './crisis-centre-store.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import type { CentreReferralRequest, CentreReferralView, CentreRequest, CentreView, DecisionRequest } from './schema.js';
import type { Caller } from './scope.js';

export function presentCentre(row: CentreRow): CentreView {
  return {
    id: row.id,
    regionId: row.region_id,
    name: row.name,
    kind: row.kind,
    phone: row.phone,
    bedsTotal: row.beds_total,
    bedsOccupied: row.beds_occupied,
    bedsFree: row.beds_total - row.beds_occupied,
    acceptsChildren: row.accepts_children,
    occupancyUpdatedAt: row.occupancy_updated_at.toISOString(),
  };
}

function presentCentreReferral(deps: PreventionDeps, row: CentreReferralRow): CentreReferralView {
  return {
    id: row.id,
    centreId: row.centre_id,
    caseId: row.case_id,
    beds: row.beds,
    status: row.status,
    refusalReason: row.refusal_reason_enc ? deps.fieldCrypto.decrypt(row.refusal_reason_enc) : row.refusal_reason,
    referredAt: row.referred_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

/** Centres are regional: anyone below the country sees their own region's, wherever in it they work. */
function regionOf(caller: Caller): string | null {
  return caller.user.jurisdiction.level === 'country' ? null : caller.user.jurisdiction.regionId;
}

/** Partners act on centres only if they speak for a crisis centre; supervisors always may. */
async function checkCentreStaff(deps: PreventionDeps, caller: Caller): Promise<void> {
  if (caller.user.roles.includes('supervisor')) return;
  if ((await partnerAgency(deps.db, caller.user.userId)) !== 'crisis-centre') throw new AppError('auth.forbidden');
}

export async function registerCentre(deps: PreventionDeps, caller: Caller, input: CentreRequest): Promise<CentreView> {
  if (!covers(caller.user.jurisdiction, { regionId: input.regionId })) throw new AppError('jurisdiction.outside');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertCentre(trx, input, now).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23514') throw new AppError('request.invalid');
      throw error;
    });
    await auditStaff(trx, caller, {
      action: 'prevention.crisis_centre.register',
      target: { type: 'crisis_centre', id: row.id },
      regionId: row.region_id,
      details: { name: row.name, bedsTotal: row.beds_total },
      at: now,
    });
    return presentCentre(row);
  });
}

/** "Where is a free bed now in my region": centres with at least `freeBeds` free, most room first. */
export async function listCentres(deps: PreventionDeps, caller: Caller, query: { freeBeds?: number; regionId?: string }) {
  const own = regionOf(caller);
  const regionId = own ?? query.regionId ?? null;
  return (await storeListCentres(deps.db, { regionId, freeBeds: query.freeBeds })).map(presentCentre);
}

export async function updateOccupancy(deps: PreventionDeps, caller: Caller, id: string, occupied: number): Promise<CentreView> {
  const centre = await findCentre(deps.db, regionOf(caller), id);
  if (!centre) throw new AppError('prevention.centre_not_found');
  await checkCentreStaff(deps, caller);
  if (occupied > centre.beds_total) throw new AppError('prevention.centre_over_capacity', { bedsTotal: centre.beds_total });
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await setOccupancy(trx, centre.id, occupied, now);
    await auditStaff(trx, caller, {
      action: 'prevention.crisis_centre.occupancy',
      target: { type: 'crisis_centre', id: centre.id },
      regionId: centre.region_id,
      details: { bedsOccupied: occupied },
      at: now,
    });
    return presentCentre(row);
  });
}

/** An officer refers a victim (and children) to a centre of their region; the centre decides. */
export async function referToCentre(
  deps: PreventionDeps,
  caller: Caller,
  centreId: string,
  input: CentreReferralRequest,
): Promise<CentreReferralView> {
  const centre = await findCentre(deps.db, regionOf(caller), centreId);
  if (!centre) throw new AppError('prevention.centre_not_found');
  const caseRow = input.caseId ? await caseFor(deps, caller.user.jurisdiction, input.caseId) : null;
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertCentreReferral(trx, {
      centreId: centre.id,
      caseId: caseRow?.id ?? null,
      regionId: centre.region_id,
      beds: input.beds,
      by: caller.user.userId,
      now,
    });
    await auditStaff(trx, caller, {
      action: 'prevention.crisis_referral.create',
      target: { type: 'crisis_centre_referral', id: row.id },
      regionId: centre.region_id,
      details: { centreId: centre.id, caseId: caseRow?.id ?? null, beds: input.beds },
      at: now,
    });
    return presentCentreReferral(deps, row);
  });
}

/** The centre accepts (taking the beds, if still free) or refuses with a reason. */
export async function answerCentreReferral(
  deps: PreventionDeps,
  caller: Caller,
  id: string,
  input: DecisionRequest,
): Promise<CentreReferralView> {
  const referral = await findCentreReferral(deps.db, regionOf(caller), id);
  if (!referral) throw new AppError('prevention.centre_referral_not_found');
  await checkCentreStaff(deps, caller);
  if (!input.accepted && !input.reason) throw new AppError('prevention.refusal_reason_required');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const decided = await decideCentreReferral(trx, referral.id, {
      status: input.accepted ? 'accepted' : 'refused',
      reasonEnc: input.accepted || !input.reason ? null : deps.fieldCrypto.encrypt(input.reason),
      by: caller.user.userId,
      now,
    });
    if (!decided) throw new AppError('prevention.centre_referral_decided');
    if (input.accepted && !(await takeBeds(trx, referral.centre_id, referral.beds, now))) {
      throw new AppError('prevention.centre_full');
    }
    await auditStaff(trx, caller, {
      action: 'prevention.crisis_referral.decide',
      target: { type: 'crisis_centre_referral', id: referral.id },
      regionId: referral.region_id,
      details: { accepted: input.accepted },
      at: now,
    });
    return presentCentreReferral(deps, decided);
  });
}
