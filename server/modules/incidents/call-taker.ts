import { Type, type Static } from '@sinclair/typebox';
import { categoryByCode } from '../../../common/categories.js';
import { covers } from '../../http/actor.js';
import { publishEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { resolvePoint } from '../geo/index.js';
import type { Operator } from './lifecycle.js';
import { insertReport } from './report-store.js';
import { GeoJsonPoint } from './report-schema.js';
import type { ReportDeps } from './reports.js';
import { newTrackingCode } from './tracking-code.js';
import { triageReport, type Priority } from './triage.js';

export const CallRequest = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 64 }),
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'overrides the triage rules’ priority' })),
    description: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }),
    location: GeoJsonPoint,
    caller: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{5,24}$' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CallRequest = Static<typeof CallRequest>;

export const CallReceipt = Type.Object({
  id: Type.String({ format: 'uuid' }),
  trackingCode: Type.String(),
  status: Type.Literal('new'),
  priority: Type.Integer({ minimum: 1, maximum: 4 }),
});
export type CallReceipt = Static<typeof CallReceipt>;

/**
 * An operator records a phone call as an incident (source `phone`). The same checks as a
 * citizen's report (category, point inside Kazakhstan, geocoded to region, district, beat and
 * H3, triage rules), but any category may be chosen and the operator's priority wins. The
 * caller's name and phone are field-encrypted like a reporter's. The caller gets a tracking
 * code to follow the call like any report.
 */
export async function recordCall(deps: ReportDeps, operator: Operator, input: CallRequest): Promise<CallReceipt> {
  const category = categoryByCode(input.category);
  if (!category) throw new AppError('category.unknown', { category: input.category });
  const [lon = NaN, lat = NaN] = input.location.coordinates;
  const place = await resolvePoint(deps.db, { lon, lat });
  if (!place) throw new AppError('geo.outside_kazakhstan');
  if (!covers(operator.jurisdiction, place)) throw new AppError('jurisdiction.outside');
  const triage = triageReport({ category: category.code, description: input.description, source: 'phone' });
  const priority = (input.priority ?? triage.priority) as Priority;
  const phone = input.caller?.phone?.replace(/[\s()-]/g, '');
  const seal = (value: string | undefined) => (value === undefined ? null : deps.fieldCrypto.encrypt(value));
  const now = deps.clock();
  const reasons = [`triage: ${triage.reasons.join(', ')}`];
  if (priority !== triage.priority) reasons.push(`priority: P${triage.priority} → P${priority} (call-taker)`);

  return deps.db.transaction().execute(async (trx) => {
    let id: string | null = null;
    let trackingCode = '';
    while (id === null) {
      trackingCode = newTrackingCode();
      id = await insertReport(
        trx,
        {
          ...place,
          trackingCode,
          lon,
          lat,
          category: category.code,
          priority,
          description: input.description,
          occurredAt: now,
          reportedAt: now,
          anonymous: input.caller?.name === undefined && phone === undefined,
          source: 'phone',
          reporterNameEnc: seal(input.caller?.name),
          reporterPhoneEnc: seal(phone),
          reporterPhoneHash: phone === undefined ? null : deps.fieldCrypto.lookupHash(phone),
          reporterEmailEnc: null,
        },
        { status: 'new', internalNote: reasons.join('\n') },
      );
    }
    await recordAudit(trx, {
      action: 'incident.call',
      outcome: 'success',
      actor: { kind: 'user', id: operator.userId },
      target: { type: 'incident', id },
      regionId: place.regionId,
      ip: operator.ip,
      details: { source: 'phone', category: category.code, priority, rulesPriority: triage.priority },
      occurredAt: now,
    });
    await publishEvent(trx, {
      type: 'incident.created',
      regionId: place.regionId,
      districtId: place.districtId,
      beatId: place.beatId,
      payload: {
        incidentId: id,
        category: category.code,
        priority,
        status: 'new',
        source: 'phone',
        districtId: place.districtId,
        media: 0,
      },
    });
    return { id, trackingCode, status: 'new' as const, priority };
  });
}
