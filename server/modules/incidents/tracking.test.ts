import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CIRCUMSTANCES } from '../../../common/incident-circumstances.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { validReport } from './report-fixtures.js';
import { newTrackingCode, normaliseTrackingCode } from './tracking-code.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { AMAN_RATE_LIMIT_TRACKING: '5' } });
});
afterAll(async () => {
  await t.app.close();
});

let address = 0;
// Each test looks up from its own address, so the strict limit only bites where it is tested.
const track = (code: string, lang = 'en', remoteAddress = `10.1.0.${++address}`) =>
  t.app.inject({ method: 'GET', url: `/api/v1/reports/${encodeURIComponent(code)}?lang=${lang}`, remoteAddress });

describe('tracking codes', () => {
  it('are 10 Crockford base-32 characters and do not repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, newTrackingCode));
    expect(codes.size).toBe(5000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('are read as a person types them', () => {
    expect(normaliseTrackingCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normaliseTrackingCode('0oIl1 23456')).toBe('0011123456');
    expect(normaliseTrackingCode('ABCDEFGHJU')).toBeNull();
    expect(normaliseTrackingCode('ABC')).toBeNull();
  });
});

describe('following a report', () => {
  it('shows status and the public timeline, never the reporter, description or notes', async () => {
    const reporter = { name: 'Дәурен Жақсылықов', phone: '+77017778899', email: 'dauren@example.kz' };
    const body = validReport({ category: 'noise', description: 'Музыка до утра, соседи из 45 квартиры', reporter });
    const filed = (await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body })).json();
    const response = await track(filed.trackingCode, 'ru');
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view).toEqual({
      trackingCode: filed.trackingCode,
      status: 'new',
      category: 'noise',
      createdAt: expect.any(String),
      updatedAt: view.createdAt,
      timeline: [{ at: view.createdAt, status: 'new', text: 'Сообщение принято' }],
    });
    for (const secret of [reporter.name, reporter.phone, reporter.email, 'Музыка', 'triage', 'P4', filed.id]) {
      expect(response.body).not.toContain(secret);
    }
  });

  it('shows each change of status and each message to the reporter, not staff’s notes under the same status', async () => {
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: '750000000' });
    const filed = (await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: validReport() })).json();
    const staff = (method: 'POST' | 'PUT', path: string, payload: object) =>
      t.app.inject({ method, url: `/api/v1/incidents/${filed.id}/${path}`, headers: { cookie: operator.cookie }, payload });
    expect((await staff('POST', 'notes', { text: 'Позвонить заявителю утром' })).statusCode).toBe(201);
    expect((await staff('PUT', 'circumstances', { ...NO_CIRCUMSTANCES, placeType: 'street' })).statusCode).toBe(200);
    const quiet = (await track(filed.trackingCode)).json();
    expect(quiet.timeline.map((s: { status: string }) => s.status)).toEqual(['new']);
    expect(quiet.updatedAt).toBe(quiet.createdAt);

    const cancel = { status: 'cancelled', reason: 'duplicate call', publicText: 'Already handled by the patrol nearby' };
    expect((await staff('POST', 'status', cancel)).statusCode).toBe(200);
    const ended = (await track(filed.trackingCode)).json();
    expect(ended.timeline.map((s: { status: string; text: string }) => [s.status, s.text])).toEqual([
      ['new', 'Report received'],
      ['cancelled', 'Already handled by the patrol nearby'],
    ]);
    expect(ended.updatedAt).toBe(ended.timeline[1].at);
  });

  it('finds a code typed in lower case with a hyphen, in Kazakh', async () => {
    const filed = (await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: validReport() })).json();
    const typed = `${filed.trackingCode.slice(0, 5)}-${filed.trackingCode.slice(5)}`.toLowerCase();
    const response = await track(typed, 'kk');
    expect(response.statusCode).toBe(200);
    expect(response.json().timeline[0].text).toBe('Хабарлама қабылданды');
  });

  it('answers 404 for a code that is no report, and for one that cannot be a code', async () => {
    const statuses = [];
    for (const code of [newTrackingCode(), 'nonsense', 'x'.repeat(40)]) statuses.push((await track(code)).statusCode);
    expect(statuses).toEqual([404, 404, 400]);
    expect((await track(newTrackingCode())).json().title).toBe('No report has this tracking code');
  });

  it('limits look-ups per address so codes cannot be enumerated', async () => {
    const from = '10.2.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await track(newTrackingCode(), 'en', from)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    const other = await track(newTrackingCode(), 'en', '10.2.0.2');
    expect(other.statusCode).toBe(404);
  });
});
