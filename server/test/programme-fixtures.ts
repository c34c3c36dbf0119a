import crypto from 'node:crypto';
import type { JurisdictionProbe } from './jurisdiction-fixtures.js';
import type { TestApp, TestStaff } from './app.js';
import { caseRequest, LEGAL_BASIS, send, staffIn } from './prevention-fixtures.js';
import { expect } from 'vitest';

// Test helpers for aggressor programmes: a case with an aggressor, a provider, an enrolment.

/** Invented; passes its check digit. Every test aggressor has it, so a search finds many cases. */
export const AGGRESSOR_IIN = '950101400012';

export interface ProgrammeCase {
  caseId: string;
  aggressorId: string;
  officer: TestStaff;
}

/** A case opened by an officer of the region, with a victim and an aggressor. */
export async function caseWithAggressorIn(t: TestApp, regionId: string, officer?: TestStaff): Promise<ProgrammeCase> {
  const by = officer ?? (await staffIn(t, regionId, ['officer']));
  const body = await send(
    t,
    by,
    caseRequest(regionId, [
      { role: 'victim', name: 'Әлия Тестова', address: 'Абай даңғылы, 1', phone: '+77010000001' },
      { role: 'aggressor', name: 'Бекзат Тестов', iin: AGGRESSOR_IIN },
    ]),
  );
  const people = body.people as { id: string; role: string }[];
  return { caseId: body.id as string, aggressorId: people.find((p) => p.role === 'aggressor')!.id, officer: by };
}

export async function providerIn(t: TestApp, regionId: string, kind = 'psycho-correction'): Promise<string> {
  const supervisor = await staffIn(t, regionId, ['supervisor']);
  const provider = await send(t, supervisor, {
    method: 'POST',
    url: '/api/v1/prevention/programme-providers',
    payload: { regionId, name: `Provider ${crypto.randomBytes(3).toString('hex')}`, kind },
  });
  return provider.id as string;
}

/** The court's special requirements (psycho-correction) on the case, issued a day ago. */
export async function courtOrderOn(t: TestApp, c: ProgrammeCase): Promise<string> {
  const order = await send(t, c.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${c.caseId}/orders`,
    payload: {
      kind: 'court-special-requirements',
      conditions: ['psycho-correction'],
      legalBasis: LEGAL_BASIS,
      months: 6,
      issuedAt: new Date(Date.now() - 86_400_000).toISOString(),
    },
  });
  return order.id as string;
}

/** The case's aggressor enrolled by the court's order: 10 sessions, 2 misses allowed. */
export async function enrolmentIn(t: TestApp, regionId: string) {
  const c = await caseWithAggressorIn(t, regionId);
  const providerId = await providerIn(t, regionId);
  const orderId = await courtOrderOn(t, c);
  const enrolment = await send(t, c.officer, {
    method: 'POST',
    url: `/api/v1/prevention/cases/${c.caseId}/programmes`,
    payload: { providerId, personId: c.aggressorId, basis: 'court-order', orderId, sessionsPlanned: 10, missesAllowed: 2 },
  });
  return { ...c, providerId, orderId, enrolmentId: enrolment.id as string };
}

type Fixture = (t: TestApp) => Promise<JurisdictionProbe>;

/** The programme, export and person-search routes' entries for server/test/jurisdiction-fixtures.ts. */
export function programmeJurisdictionFixtures(home: string, other: string): Record<string, Fixture> {
  const item =
    (path: (e: Awaited<ReturnType<typeof enrolmentIn>>) => string, method: 'GET' | 'POST', payload?: () => unknown): Fixture =>
    async (t) => ({
      kind: 'item',
      inside: { method, url: path(await enrolmentIn(t, home)), payload: payload?.() as never },
      outside: { method, url: path(await enrolmentIn(t, other)), payload: payload?.() as never },
    });
  let day = 0;
  return {
    'GET /api/v1/prevention/programme-providers': async (t) => {
      const insideId = await providerIn(t, home);
      const outsideId = await providerIn(t, other);
      return {
        kind: 'custom',
        async verify(cookie) {
          const response = await t.app.inject({
            method: 'GET',
            url: '/api/v1/prevention/programme-providers',
            headers: { cookie },
          });
          const ids = (response.json() as { id: string }[]).map((p) => p.id);
          expect(ids).toContain(insideId);
          expect(ids).not.toContain(outsideId);
        },
      };
    },
    'POST /api/v1/prevention/programme-providers': async () => {
      const body = (regionId: string) => ({ regionId, name: 'Provider', kind: 'counselling' });
      return {
        kind: 'create',
        inside: { method: 'POST', url: '/api/v1/prevention/programme-providers', payload: body(home) },
        outside: { method: 'POST', url: '/api/v1/prevention/programme-providers', payload: body(other) },
      };
    },
    'POST /api/v1/prevention/people/search': async (t) => {
      const search = {
        method: 'POST' as const,
        url: '/api/v1/prevention/people/search',
        payload: { iin: AGGRESSOR_IIN, reason: 'Repeat call' },
      };
      return {
        kind: 'list',
        inside: search,
        outside: search,
        insideId: (await caseWithAggressorIn(t, home)).caseId,
        outsideId: (await caseWithAggressorIn(t, other)).caseId,
        idField: 'caseId',
      };
    },
    'GET /api/v1/prevention/cases/:id/export': async (t) => ({
      kind: 'item',
      inside: { method: 'GET', url: `/api/v1/prevention/cases/${(await caseWithAggressorIn(t, home)).caseId}/export` },
      outside: { method: 'GET', url: `/api/v1/prevention/cases/${(await caseWithAggressorIn(t, other)).caseId}/export` },
    }),
    'GET /api/v1/prevention/cases/:id/programmes': item((e) => `/api/v1/prevention/cases/${e.caseId}/programmes`, 'GET'),
    'POST /api/v1/prevention/cases/:id/programmes': async (t) => {
      const request = async (regionId: string) => {
        const c = await caseWithAggressorIn(t, regionId);
        const providerId = await providerIn(t, regionId);
        return {
          method: 'POST' as const,
          url: `/api/v1/prevention/cases/${c.caseId}/programmes`,
          payload: { providerId, personId: c.aggressorId, basis: 'voluntary', sessionsPlanned: 8, missesAllowed: 1 },
        };
      };
      return { kind: 'item', inside: await request(home), outside: await request(other) };
    },
    'POST /api/v1/prevention/programmes/:id/sessions': item(
      (e) => `/api/v1/prevention/programmes/${e.enrolmentId}/sessions`,
      'POST',
      () => ({ heldOn: `2026-01-${String(++day).padStart(2, '0')}`, attended: true }),
    ),
    'POST /api/v1/prevention/programmes/:id/end': item(
      (e) => `/api/v1/prevention/programmes/${e.enrolmentId}/end`,
      'POST',
      () => ({ status: 'completed', endedOn: '2026-03-01' }),
    ),
  };
}
