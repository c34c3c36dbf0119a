import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePoint } from '../modules/geo/index.js';
import { ALMATY, validReport } from '../modules/incidents/report-fixtures.js';
import { buildTestApp, createStaff, type TestApp } from '../test/app.js';
import { listening, openSse, type SseConnection } from '../test/sse.js';

let t: TestApp;
let base: string;
const open: SseConnection[] = [];
beforeAll(async () => {
  t = await buildTestApp({ env: { AMAN_RATE_LIMIT_PUBLIC: '1000' } });
  base = await listening(t.app);
});
afterAll(async () => {
  for (const connection of open) connection.close();
  await t.app.close();
});

async function consoleOf(cookie: string, lastEventId?: string) {
  const headers: Record<string, string> = { cookie };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const connection = await openSse(`${base}/api/v1/live/events`, headers);
  open.push(connection);
  return connection;
}

async function fileReport(body = validReport()): Promise<string> {
  const response = await fetch(`${base}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('the consoles’ live feed', () => {
  // How fast is measured by bench/live.ts, not here: this shows that it arrives, by itself.
  it('shows a citizen’s report on an operator’s console without a reload', async () => {
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: '750000000' });
    const live = await consoleOf(operator.cookie);
    const id = await fileReport();
    const event = await live.waitFor((e) => e.event === 'incident.created' && e.data.incidentId === id, 15_000);
    expect(event, 'no incident.created event').not.toBeNull();
    expect(event!.data).toMatchObject({ regionId: '750000000', status: 'new', source: 'web', category: 'other-theft' });
    // Ids and codes only: the description and the reporter stay behind the checked routes.
    expect(JSON.stringify(event!.data)).not.toContain('Велосипед');
  });

  it('gives a console that reconnects what it missed, then the rest live, each once', async () => {
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: '750000000' });
    const first = await consoleOf(operator.cookie);
    const seenId = await fileReport();
    const seen = await first.waitFor((e) => e.data.incidentId === seenId);
    first.close();

    const missed = [await fileReport(), await fileReport()];
    const again = await consoleOf(operator.cookie, seen!.id!);
    const later = await fileReport();
    await again.waitFor((e) => e.data.incidentId === later);
    const ids = again.events.filter((e) => e.event === 'incident.created').map((e) => e.data.incidentId);
    expect(ids).toEqual([...missed, later]);
  });

  it('tells a console whose position is unknown to reload, then carries on live', async () => {
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: '750000000' });
    const live = await consoleOf(operator.cookie, '1-999999999');
    expect(await live.waitFor((e) => e.event === 'reset')).not.toBeNull();
    const id = await fileReport();
    expect(await live.waitFor((e) => e.data.incidentId === id)).not.toBeNull();
  });

  it('shows a district’s operator only that district’s incidents', async () => {
    const place = (await resolvePoint(t.database.db, { lon: ALMATY.coordinates[0]!, lat: ALMATY.coordinates[1]! }))!;
    const here = await createStaff(t, ['operator'], {
      level: 'district',
      regionId: place.regionId,
      districtId: place.districtId,
    });
    const elsewhere = await createStaff(t, ['operator'], {
      level: 'district',
      regionId: '710000000',
      districtId: '711210000',
    });
    const hereLive = await consoleOf(here.cookie);
    const elsewhereLive = await consoleOf(elsewhere.cookie);
    const id = await fileReport();
    expect(await hereLive.waitFor((e) => e.data.incidentId === id)).not.toBeNull();
    expect(await elsewhereLive.waitFor((e) => e.data.incidentId === id, 500)).toBeNull();
  });

  it('refuses a citizen without a session', async () => {
    const response = await fetch(`${base}/api/v1/live/events`);
    expect(response.status).toBe(401);
  });
});
