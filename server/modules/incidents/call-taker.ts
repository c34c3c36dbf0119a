import { Type, type Static } from '@sinclair/typebox';
import { categoryByCode } from '../../../common/categories.js';
import { covers } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { resolvePoint } from '../geo/index.js';
import type { Operator } from './lifecycle.js';
import { requestHash } from './idempotency.js';
import { createdEvent, fileIncident, type Filed } from './new-incident.js';
import { GeoJsonPoint } from './report-schema.js';
import type { ReportDeps } from './reports.js';
import { triageReport, type Priority } from './triage.js';
import { triageNote, type SystemNote } from './system-notes.js';

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

const CALL_SCOPE = 'POST /api/v1/incidents';

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
 * code to follow the call like any report. With an Idempotency-Key, a resent call (a second
 * press of Save, a retry after a lost answer) gets the first answer and files nothing new.
 */
export async function recordCall(
  deps: ReportDeps,
  operator: Operator,
  input: CallRequest,
  idempotencyKey?: string,
): Promise<Filed<CallReceipt>> {
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
  const notes: SystemNote[] = [triageNote(triage)];
  if (priority !== triage.priority) notes.push({ kind: 'priority', from: triage.priority, to: priority, by: 'call_taker' });

  const row = { ...place, lon, lat, category: category.code, priority, occurredAt: now };
  const descriptionEnc = deps.fieldCrypto.encrypt(input.description);
  return fileIncident<CallReceipt>(
    deps.db,
    (id, trackingCode) => ({
      answer: { status: 201, body: { id, trackingCode, status: 'new', priority } },
      report: {
        id,
        row: {
          ...row,
          descriptionEnc,
          trackingCode,
          reportedAt: now,
          anonymous: input.caller?.name === undefined && phone === undefined,
          source: 'phone',
          reporterNameEnc: seal(input.caller?.name),
          reporterPhoneEnc: seal(phone),
          reporterPhoneHash: phone === undefined ? null : deps.fieldCrypto.lookupHash(phone),
          reporterEmailEnc: null,
        },
        first: { status: 'new', internalNoteEnc: null, systemNotes: notes },
        media: [],
        audit: {
          action: 'incident.call',
          outcome: 'success',
          actor: { kind: 'user', id: operator.userId },
          target: { type: 'incident', id },
          regionId: place.regionId,
          ip: operator.ip,
          details: { source: 'phone', category: category.code, priority, rulesPriority: triage.priority },
          occurredAt: now,
        },
        event: createdEvent(id, { ...place, category: category.code, priority, source: 'phone', media: 0 }),
      },
    }),
    // Keys are the operator's own: another operator's key is another call.
    idempotencyKey ? { scope: `${CALL_SCOPE} ${operator.userId}`, key: idempotencyKey, hash: requestHash(input) } : undefined,
  );
}
