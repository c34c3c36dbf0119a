import type { InjectOptions } from 'fastify';
import { localDay } from '../../common/register-terms.js';
import type { JurisdictionProbe } from './jurisdiction-fixtures.js';
import type { TestApp, TestStaff } from './app.js';
import { pointIn, send, staffIn } from './prevention-fixtures.js';

// Helpers for the preventive registers' tests, and their entries for jurisdiction-fixtures.ts.

/** Today where the test points are (Almaty and Astana share UTC+5 since March 2024). */
export function today(): string {
  return localDay(new Date(), 'Asia/Almaty');
}

export function daysFromToday(days: number): string {
  return new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid request for a released prisoner's entry at the region's test point, for 200 days from 10 days ago. */
export function entryRequest(regionId: string, overrides: Record<string, unknown> = {}): InjectOptions {
  return {
    method: 'POST',
    url: '/api/v1/prevention/register/entries',
    payload: {
      kind: 'released-prisoner',
      decision: 'Ruling No. 2-100/2026',
      name: 'Test Person',
      address: 'Test street 1',
      location: pointIn(regionId),
      startDate: daysFromToday(-10),
      reviewDate: daysFromToday(30),
      endDate: daysFromToday(190),
      ...overrides,
    },
  };
}

export interface TestEntry {
  id: string;
  districtId: string;
  beatId: string;
  officer: TestStaff;
}

/** An entry made by an officer of the region (or the one given). */
export async function entryIn(
  t: TestApp,
  regionId: string,
  officer?: TestStaff,
  overrides: Record<string, unknown> = {},
): Promise<TestEntry> {
  const by = officer ?? (await staffIn(t, regionId, ['officer']));
  const body = await send(t, by, entryRequest(regionId, overrides));
  return { id: body.id as string, districtId: body.districtId as string, beatId: body.beatId as string, officer: by };
}

/** A visit planned on a new entry, due on `dueDate` (today by default). */
export async function contactIn(t: TestApp, regionId: string, dueDate = today()) {
  const entry = await entryIn(t, regionId);
  const contact = await send(t, entry.officer, {
    method: 'POST',
    url: `/api/v1/prevention/register/entries/${entry.id}/contacts`,
    payload: { kind: 'home-visit', dueDate },
  });
  return { ...entry, contactId: contact.id as string };
}

type Fixture = (t: TestApp) => Promise<JurisdictionProbe>;

function item(
  make: (t: TestApp, regionId: string) => Promise<string>,
  method: InjectOptions['method'],
  path: (id: string) => string,
  payload?: unknown,
) {
  return (home: string, other: string): Fixture =>
    async (t) => ({
      kind: 'item',
      inside: { method, url: path(await make(t, home)), payload: payload as InjectOptions['payload'] },
      outside: { method, url: path(await make(t, other)), payload: payload as InjectOptions['payload'] },
    });
}

const entryId = async (t: TestApp, regionId: string) => (await entryIn(t, regionId)).id;
const contactId = async (t: TestApp, regionId: string) => (await contactIn(t, regionId)).contactId;
const entries = (suffix: string) => (id: string) => `/api/v1/prevention/register/entries/${id}${suffix}`;

/** For every scoped register route, a record in the caller's region (answered) and one in another (hidden). */
export function registerJurisdictionFixtures(home: string, other: string): Record<string, Fixture> {
  return {
    'POST /api/v1/prevention/register/entries': async () => ({
      kind: 'create',
      inside: entryRequest(home),
      outside: entryRequest(other),
    }),
    'GET /api/v1/prevention/register/entries': async (t) => {
      const request = { method: 'GET' as const, url: '/api/v1/prevention/register/entries?limit=500' };
      return {
        kind: 'list',
        inside: request,
        outside: request,
        insideId: await entryId(t, home),
        outsideId: await entryId(t, other),
      };
    },
    'GET /api/v1/prevention/register/entries/:id': item(entryId, 'GET', entries(''))(home, other),
    'POST /api/v1/prevention/register/entries/:id/contacts': item(entryId, 'POST', entries('/contacts'), {
      kind: 'call',
      dueDate: today(),
    })(home, other),
    'POST /api/v1/prevention/register/entries/:id/review': item(entryId, 'POST', entries('/review'), {
      decision: 'close',
      reason: 'The basis no longer applies',
    })(home, other),
    'POST /api/v1/prevention/register/contacts/:id/outcome': item(
      contactId,
      'POST',
      (id) => `/api/v1/prevention/register/contacts/${id}/outcome`,
      { outcome: 'met' },
    )(home, other),
    'GET /api/v1/prevention/register/entries/:id/officers': item(entryId, 'GET', entries('/officers'))(home, other),
    'POST /api/v1/prevention/register/entries/:id/responsibility': async (t) => {
      // An officer of the home region covers the inside entry's place; the outside one is hidden first.
      const payload = { officerId: (await staffIn(t, home, ['officer'])).id, reason: 'The inspector moved to another beat' };
      const request = async (regionId: string) => ({
        method: 'POST' as const,
        url: entries('/responsibility')(await entryId(t, regionId)),
        payload,
      });
      return { kind: 'item', inside: await request(home), outside: await request(other) };
    },
    'GET /api/v1/prevention/register/today': async (t) => {
      const request = { method: 'GET' as const, url: '/api/v1/prevention/register/today' };
      const inside = await contactIn(t, home);
      const outside = await contactIn(t, other);
      return { kind: 'list', inside: request, outside: request, insideId: inside.id, outsideId: outside.id, idField: 'entryId' };
    },
  };
}
