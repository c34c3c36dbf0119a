import crypto from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { firstDistrictAndBeat } from '../modules/geo/index.js';
import { remindPrevention } from '../modules/prevention/index.js';
import type { JurisdictionProbe } from './jurisdiction-fixtures.js';
import { DV_RISK_INSTRUMENT } from '../../common/risk-instruments.js';
import type { Role } from '../../common/roles.js';
import { createStaff, type TestApp, type TestStaff } from './app.js';

// Helpers for the prevention module's tests: points in central Almaty and Astana, and records made through its routes.
export const ALMATY = '750000000';
export const ASTANA = '710000000';
export const POINTS: Record<string, { type: 'Point'; coordinates: [number, number] }> = {
  [ALMATY]: { type: 'Point', coordinates: [76.9458, 43.2383] },
  [ASTANA]: { type: 'Point', coordinates: [71.4304, 51.1282] },
};
export const LEGAL_BASIS = 'Law "On the prevention of domestic violence", art. 20';

export function pointIn(regionId: string) {
  const point = POINTS[regionId];
  if (!point) throw new Error(`no test point in region ${regionId}`);
  return point;
}

/** `count` "yes" answers, the rest "no", each from the victim. */
export function answers(count: number, answer: 'no' | 'unknown' = 'no') {
  return DV_RISK_INSTRUMENT.questions.map((q, i) => ({ question: q.id, answer: i < count ? 'yes' : answer, source: 'victim' }));
}

export function staffIn(t: TestApp, regionId: string, roles: Role[]): Promise<TestStaff> {
  return createStaff(t, roles, { level: 'region', regionId });
}

/** Sends a request as the staff member and returns its JSON, failing loudly on a refusal. */
export async function send(t: TestApp, staff: TestStaff, request: InjectOptions): Promise<Record<string, unknown>> {
  const response = await t.app.inject({ ...request, headers: { ...request.headers, cookie: staff.cookie } });
  if (response.statusCode >= 300) throw new Error(`${request.method} ${request.url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

export function caseRequest(regionId: string, people: unknown[] = [{ role: 'victim', name: 'Test Victim' }]): InjectOptions {
  return {
    method: 'POST',
    url: '/api/v1/prevention/cases',
    payload: { location: pointIn(regionId), legalBasis: LEGAL_BASIS, people },
  };
}

export interface TestCase {
  id: string;
  districtId: string;
  officer: TestStaff;
}

/** A case opened by an officer of the region. */
export async function caseIn(t: TestApp, regionId: string, officer?: TestStaff): Promise<TestCase> {
  const by = officer ?? (await staffIn(t, regionId, ['officer']));
  const body = await send(t, by, caseRequest(regionId));
  return { id: body.id as string, districtId: body.districtId as string, officer: by };
}

/** A high-risk case: assessed with 14 "yes", so referred. Returns the referral too. */
export async function referredCaseIn(t: TestApp, regionId: string) {
  const created = await caseIn(t, regionId);
  const assessed = await send(t, created.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${created.id}/assessments`,
    payload: { answers: answers(14), reason: 'initial' },
  });
  return { ...created, referralId: (assessed.referral as { id: string }).id };
}

/** A conference in the district of a referred case, with the case on its agenda. */
export async function conferenceIn(t: TestApp, regionId: string) {
  const referred = await referredCaseIn(t, regionId);
  const supervisor = await staffIn(t, regionId, ['supervisor']);
  const conference = await send(t, supervisor, {
    method: 'POST',
    url: '/api/v1/prevention/conferences',
    payload: {
      districtId: referred.districtId,
      scheduledAt: new Date().toISOString(),
      agencies: ['police', 'crisis-centre', 'health'],
    },
  });
  return { ...referred, supervisor, conferenceId: conference.id as string };
}

/** A safety-plan action assigned to an agency, in a new conference of the region. */
export async function actionIn(
  t: TestApp,
  regionId: string,
  agency = 'crisis-centre',
  dueAt = new Date(Date.now() + 86_400_000),
) {
  const conference = await conferenceIn(t, regionId);
  const action = await send(t, conference.supervisor, {
    method: 'POST',
    url: `/api/v1/prevention/conferences/${conference.conferenceId}/actions`,
    payload: { caseId: conference.id, agency, description: 'Offer a place in the centre', dueAt: dueAt.toISOString() },
  });
  return { ...conference, actionId: action.id as string };
}

/** A police protection order on a new case, issued a day ago. */
export async function orderIn(t: TestApp, regionId: string) {
  const created = await caseIn(t, regionId);
  const order = await send(t, created.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${created.id}/orders`,
    payload: {
      kind: 'police-protection',
      conditions: ['no-contact'],
      legalBasis: LEGAL_BASIS,
      issuedAt: new Date(Date.now() - 86_400_000).toISOString(),
    },
  });
  return { ...created, orderId: order.id as string };
}

/** A police protection order (30 days) issued 28 days ago, so ending in two days. */
export async function expiringOrderIn(t: TestApp, regionId: string, now = new Date()) {
  const created = await caseIn(t, regionId);
  const order = await send(t, created.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${created.id}/orders`,
    payload: {
      kind: 'police-protection',
      conditions: ['no-contact'],
      legalBasis: LEGAL_BASIS,
      issuedAt: new Date(now.getTime() - 28 * 86_400_000).toISOString(),
    },
  });
  return { ...created, orderId: order.id as string };
}

/** The id of today's reminder of an order about to expire, made by running the reminder job. */
async function reminderIn(t: TestApp, regionId: string): Promise<string> {
  const order = await expiringOrderIn(t, regionId);
  await remindPrevention(t.database.db, new Date(), 3);
  const row = await t.database.db
    .selectFrom('prevention_reminders')
    .select('id')
    .where('item_id', '=', order.orderId)
    .executeTakeFirstOrThrow();
  return row.id;
}

export const BREAK_GLASS_REASON = 'Called to the home at night; need the order conditions';

export async function centreIn(t: TestApp, regionId: string, bedsTotal = 5): Promise<string> {
  const supervisor = await staffIn(t, regionId, ['supervisor']);
  const centre = await send(t, supervisor, {
    method: 'POST',
    url: '/api/v1/prevention/crisis-centres',
    payload: {
      regionId,
      name: `Centre ${crypto.randomBytes(3).toString('hex')}`,
      kind: 'crisis-centre',
      bedsTotal,
      acceptsChildren: true,
    },
  });
  return centre.id as string;
}

export async function centreReferralIn(t: TestApp, regionId: string): Promise<string> {
  const centreId = await centreIn(t, regionId);
  const officer = await staffIn(t, regionId, ['officer']);
  const referral = await send(t, officer, {
    method: 'POST',
    url: `/api/v1/prevention/crisis-centres/${centreId}/referrals`,
    payload: { beds: 1 },
  });
  return referral.id as string;
}

type Fixture = (t: TestApp) => Promise<JurisdictionProbe>;

/** The generated access test's caller is a partner it creates itself: give every partner without an agency one. */
async function mapUnassignedPartners(t: TestApp): Promise<void> {
  await sql`
    insert into prevention_partner_agencies (user_id, agency, assigned_by, assigned_at)
    select id, 'crisis-centre', id, now() from users
    where 'partner' = any(roles) and id not in (select user_id from prevention_partner_agencies)`.execute(t.database.db);
}

/** An item route probed on a record made in each region by `make`. */
function item(
  method: InjectOptions['method'],
  make: (t: TestApp, regionId: string) => Promise<string>,
  path: (id: string) => string,
  payload?: () => unknown,
): (home: string, other: string) => Fixture {
  return (home, other) => async (t) => ({
    kind: 'item',
    inside: { method, url: path(await make(t, home)), payload: payload?.() as InjectOptions['payload'] },
    outside: { method, url: path(await make(t, other)), payload: payload?.() as InjectOptions['payload'] },
  });
}

function list(url: string, make: (t: TestApp, regionId: string) => Promise<string>, before?: (t: TestApp) => Promise<void>) {
  return (home: string, other: string): Fixture =>
    async (t) => {
      const insideId = await make(t, home);
      const outsideId = await make(t, other);
      await before?.(t);
      return { kind: 'list', inside: { method: 'GET', url }, outside: { method: 'GET', url }, insideId, outsideId };
    };
}

const caseId = async (t: TestApp, regionId: string) => (await caseIn(t, regionId)).id;
const cases = (suffix: string) => (id: string) => `/api/v1/prevention/cases/${id}${suffix}`;
const CLOSE_REASON = 'Risk reduced after the programme';
const closedCaseId = async (t: TestApp, regionId: string) => {
  const created = await caseIn(t, regionId);
  await send(t, created.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${created.id}/close`,
    payload: { outcome: 'risk-reduced', reason: CLOSE_REASON },
  });
  return created.id;
};

const FIXTURES = {
  'GET /api/v1/prevention/cases': list('/api/v1/prevention/cases?limit=500', caseId),
  'GET /api/v1/prevention/cases/:id': item('GET', caseId, cases('')),
  'GET /api/v1/prevention/cases/:id/masked': item('GET', caseId, cases('/masked')),
  'POST /api/v1/prevention/cases/:id/people': item('POST', caseId, cases('/people'), () => ({
    role: 'child',
    name: 'Test Child',
  })),
  'POST /api/v1/prevention/cases/:id/incidents': item('POST', caseId, cases('/incidents'), () => ({
    incidentId: crypto.randomUUID(),
    occurredAt: new Date().toISOString(),
  })),
  'POST /api/v1/prevention/cases/:id/assessments': item('POST', caseId, cases('/assessments'), () => ({
    answers: answers(3),
    reason: 'initial',
  })),
  'GET /api/v1/prevention/cases/:id/assessments': item('GET', caseId, cases('/assessments')),
  'POST /api/v1/prevention/cases/:id/outcomes': item('POST', caseId, cases('/outcomes'), () => ({
    kind: 'no-further-abuse',
    occurredAt: new Date().toISOString(),
  })),
  'POST /api/v1/prevention/cases/:id/orders': item('POST', caseId, cases('/orders'), () => ({
    kind: 'police-protection',
    conditions: ['no-contact'],
    legalBasis: LEGAL_BASIS,
  })),
  'POST /api/v1/prevention/cases/:id/break-glass': item('POST', caseId, cases('/break-glass'), () => ({
    reason: BREAK_GLASS_REASON,
  })),
  'GET /api/v1/prevention/cases/:id/break-glass': item('GET', caseId, cases('/break-glass')),
  'POST /api/v1/prevention/cases/:id/close': item('POST', caseId, cases('/close'), () => ({
    outcome: 'risk-reduced',
    reason: CLOSE_REASON,
  })),
  'POST /api/v1/prevention/cases/:id/reopen': item('POST', closedCaseId, cases('/reopen'), () => ({ reason: CLOSE_REASON })),
  'GET /api/v1/prevention/reminders': list('/api/v1/prevention/reminders?limit=500', reminderIn),
  'GET /api/v1/prevention/orders': list('/api/v1/prevention/orders?limit=500', async (t, r) => (await orderIn(t, r)).orderId),
  'POST /api/v1/prevention/orders/:id/violations': item(
    'POST',
    async (t, r) => (await orderIn(t, r)).orderId,
    (id) => `/api/v1/prevention/orders/${id}/violations`,
    () => ({ occurredAt: new Date().toISOString(), legalBasis: LEGAL_BASIS }),
  ),
  'GET /api/v1/prevention/referrals': list(
    '/api/v1/prevention/referrals?limit=500',
    async (t, r) => (await referredCaseIn(t, r)).referralId,
  ),
  'GET /api/v1/prevention/conferences/:id': item(
    'GET',
    async (t, r) => (await conferenceIn(t, r)).conferenceId,
    (id) => `/api/v1/prevention/conferences/${id}`,
  ),
  'GET /api/v1/prevention/conferences': list(
    '/api/v1/prevention/conferences?limit=500',
    async (t, r) => (await conferenceIn(t, r)).conferenceId,
  ),
  'PUT /api/v1/prevention/conferences/:id/attendance': item(
    'PUT',
    async (t, r) => (await conferenceIn(t, r)).conferenceId,
    (id) => `/api/v1/prevention/conferences/${id}/attendance`,
    () => ({ attended: ['police'] }),
  ),
  'GET /api/v1/prevention/actions': list('/api/v1/prevention/actions?limit=500', async (t, r) => (await actionIn(t, r)).actionId),
  'GET /api/v1/prevention/partner/actions': list(
    '/api/v1/prevention/partner/actions?limit=500',
    async (t, r) => (await actionIn(t, r)).actionId,
    mapUnassignedPartners,
  ),
  'PUT /api/v1/prevention/crisis-centres/:id/occupancy': item(
    'PUT',
    centreIn,
    (id) => `/api/v1/prevention/crisis-centres/${id}/occupancy`,
    () => ({
      bedsOccupied: 1,
    }),
  ),
  'POST /api/v1/prevention/crisis-centres/:id/referrals': item(
    'POST',
    centreIn,
    (id) => `/api/v1/prevention/crisis-centres/${id}/referrals`,
    () => ({
      beds: 1,
    }),
  ),
  'POST /api/v1/prevention/crisis-referrals/:id/decision': item(
    'POST',
    centreReferralIn,
    (id) => `/api/v1/prevention/crisis-referrals/${id}/decision`,
    () => ({
      accepted: true,
    }),
  ),
} satisfies Record<string, (home: string, other: string) => Fixture>;

/**
 * The prevention module's entries for server/test/jurisdiction-fixtures.ts: for each scoped
 * route, a record in the caller's region (answered) and one in another (hidden).
 */
export function preventionJurisdictionFixtures(home: string, other: string): Record<string, Fixture> {
  const fixtures: Record<string, Fixture> = Object.fromEntries(
    Object.entries(FIXTURES).map(([route, make]) => [route, make(home, other)]),
  );
  // The centre list is a plain array (a region has a handful), so the fixture checks it itself.
  fixtures['GET /api/v1/prevention/crisis-centres'] = async (t) => {
    const insideId = await centreIn(t, home);
    const outsideId = await centreIn(t, other);
    return {
      kind: 'custom',
      async verify(cookie) {
        const response = await t.app.inject({ method: 'GET', url: '/api/v1/prevention/crisis-centres', headers: { cookie } });
        const ids = (response.json() as { id: string }[]).map((c) => c.id);
        expect(ids).toContain(insideId);
        expect(ids).not.toContain(outsideId);
      },
    };
  };
  fixtures['POST /api/v1/prevention/cases'] = async () => ({
    kind: 'create',
    inside: caseRequest(home),
    outside: caseRequest(other),
  });
  fixtures['POST /api/v1/prevention/crisis-centres'] = async () => {
    const body = (regionId: string) => ({ regionId, name: 'Centre', kind: 'shelter', bedsTotal: 3, acceptsChildren: false });
    return {
      kind: 'create',
      inside: { method: 'POST', url: '/api/v1/prevention/crisis-centres', payload: body(home) },
      outside: { method: 'POST', url: '/api/v1/prevention/crisis-centres', payload: body(other) },
    };
  };
  fixtures['POST /api/v1/prevention/conferences'] = async (t) => {
    const body = async (regionId: string) => ({
      districtId: (await firstDistrictAndBeat(t.database.db, regionId)).districtId,
      scheduledAt: new Date().toISOString(),
      agencies: ['police'],
    });
    return {
      kind: 'create',
      inside: { method: 'POST', url: '/api/v1/prevention/conferences', payload: await body(home) },
      outside: { method: 'POST', url: '/api/v1/prevention/conferences', payload: await body(other) },
    };
  };
  fixtures['POST /api/v1/prevention/conferences/:id/actions'] = async (t) => {
    const action = async (regionId: string): Promise<InjectOptions> => {
      const conference = await conferenceIn(t, regionId);
      return {
        method: 'POST',
        url: `/api/v1/prevention/conferences/${conference.conferenceId}/actions`,
        payload: {
          caseId: conference.id,
          agency: 'health',
          description: 'Check on the children',
          dueAt: new Date().toISOString(),
        },
      };
    };
    return { kind: 'item', inside: await action(home), outside: await action(other) };
  };
  fixtures['POST /api/v1/prevention/conferences/:id/decisions'] = async (t) => {
    const decision = async (regionId: string): Promise<InjectOptions> => {
      const conference = await conferenceIn(t, regionId);
      return {
        method: 'POST',
        url: `/api/v1/prevention/conferences/${conference.conferenceId}/decisions`,
        payload: { caseId: conference.id, decision: 'Safety plan agreed' },
      };
    };
    return { kind: 'item', inside: await decision(home), outside: await decision(other) };
  };
  fixtures['POST /api/v1/prevention/conferences/:id/decisions/:decisionId/amendments'] = async (t) => {
    const amendment = async (regionId: string): Promise<InjectOptions> => {
      const conference = await conferenceIn(t, regionId);
      const decided = await send(t, conference.supervisor, {
        method: 'POST',
        url: `/api/v1/prevention/conferences/${conference.conferenceId}/decisions`,
        payload: { caseId: conference.id, decision: 'Safety plan agreed' },
      });
      const decisionId = (decided.decisions as { id: string }[])[0]!.id;
      return {
        method: 'POST',
        url: `/api/v1/prevention/conferences/${conference.conferenceId}/decisions/${decisionId}/amendments`,
        payload: { decision: 'Safety plan agreed; school informed', reason: 'The minutes were corrected' },
      };
    };
    return { kind: 'item', inside: await amendment(home), outside: await amendment(other) };
  };
  fixtures['POST /api/v1/prevention/conferences/:id/attendance/corrections'] = async (t) => {
    const correction = async (regionId: string): Promise<InjectOptions> => {
      const conference = await conferenceIn(t, regionId);
      await send(t, conference.supervisor, {
        method: 'PUT',
        url: `/api/v1/prevention/conferences/${conference.conferenceId}/attendance`,
        payload: { attended: ['police'] },
      });
      return {
        method: 'POST',
        url: `/api/v1/prevention/conferences/${conference.conferenceId}/attendance/corrections`,
        payload: { attended: ['police', 'health'], reason: 'Health signed in late' },
      };
    };
    return { kind: 'item', inside: await correction(home), outside: await correction(other) };
  };
  fixtures['POST /api/v1/prevention/cases/:id/team'] = async (t) => {
    const member = await staffIn(t, home, ['officer']);
    const team = async (regionId: string): Promise<InjectOptions> => ({
      method: 'POST',
      url: `/api/v1/prevention/cases/${await caseId(t, regionId)}/team`,
      payload: { userId: member.id },
    });
    return { kind: 'item', inside: await team(home), outside: await team(other) };
  };
  fixtures['POST /api/v1/prevention/partner/actions/:id/complete'] = async (t) => {
    const home_ = await actionIn(t, home);
    const other_ = await actionIn(t, other);
    await mapUnassignedPartners(t);
    return {
      kind: 'item',
      inside: { method: 'POST', url: `/api/v1/prevention/partner/actions/${home_.actionId}/complete` },
      outside: { method: 'POST', url: `/api/v1/prevention/partner/actions/${other_.actionId}/complete` },
    };
  };
  return fixtures;
}
