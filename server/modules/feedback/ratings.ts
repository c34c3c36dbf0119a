import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { AppError } from '../../http/errors.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit } from '../audit/index.js';
import { respondersOf } from '../dispatch/index.js';
import { incidentToRate } from '../incidents/index.js';
import './tables.js';

export interface FeedbackDeps {
  db: Kysely<Tables>;
  fieldCrypto: FieldCrypto;
  clock: () => Date;
}

export interface NewRating {
  trackingCode: string;
  score: number;
  comment?: string;
  channel: 'web' | 'telegram';
  ip: string | null;
}

// Action taken is what is rated; before that there is nothing to rate yet.
const RATEABLE = new Set(['resolved', 'closed']);

/**
 * Stores a reporter's rating with the incident and the units and officers who responded. One per
 * incident: the code is the reporter's proof, so a second rating (another channel, a replay) is
 * refused rather than allowed to outvote the first.
 */
export async function rateService(deps: FeedbackDeps, rating: NewRating): Promise<{ score: number; ratedAt: string }> {
  const incident = await incidentToRate(deps.db, rating.trackingCode);
  if (!incident) throw new AppError('report.not_found');
  if (!RATEABLE.has(incident.status)) throw new AppError('feedback.not_closed');
  const responders = await respondersOf(deps.db, incident.id);
  const now = deps.clock();
  const comment = rating.comment?.trim();
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('service_ratings')
      .values({
        incident_id: incident.id,
        region_id: incident.regionId,
        district_id: incident.districtId,
        score: rating.score,
        comment_enc: comment ? deps.fieldCrypto.encrypt(comment) : null,
        channel: rating.channel,
        unit_ids: responders.map((r) => r.unitId),
        officer_ids: [...new Set(responders.flatMap((r) => r.officerIds))],
        rated_at: now,
      })
      .onConflict((oc) => oc.column('incident_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('feedback.already_rated');
    await recordAudit(trx, {
      action: 'feedback.rating',
      outcome: 'success',
      actor: { kind: 'anonymous', id: null },
      target: { type: 'incident', id: incident.id },
      regionId: incident.regionId,
      ip: rating.ip,
      details: { score: rating.score, channel: rating.channel },
      occurredAt: now,
    });
  });
  return { score: rating.score, ratedAt: now.toISOString() };
}
