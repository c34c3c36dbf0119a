import { createHash, randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './app.js';
import type { JurisdictionProbe } from './jurisdiction-fixtures.js';

// Helpers for the chiefs' report tests, writing the portal's rows directly: the routes that make
// them have their own tests. The same two regions as jurisdiction-fixtures.ts: Almaty answers, Astana is hidden.
const HOME = '750000000';
const OTHER = '710000000';

type Content = Partial<Record<'kk' | 'ru' | 'en', { title: string; body: string }>>;

export const completeContent = (title: string): Content => ({
  kk: { title: `${title} (kk)`, body: 'Тоқсан қорытындысы.' },
  ru: { title: `${title} (ru)`, body: 'Итоги квартала.' },
  en: { title: `${title} (en)`, body: 'The quarter in brief.' },
});

const hex = () => createHash('sha256').update(randomBytes(16)).digest('hex');

/** A report of a region (or one of its districts); `published` puts it on the public page. */
export async function insertReport(
  t: TestApp,
  place: { regionId: string; districtId?: string | null },
  options: { published?: boolean; content?: Content } = {},
): Promise<string> {
  const now = new Date();
  const row = await t.database.db
    .insertInto('portal_chief_reports')
    .values({
      region_id: place.regionId,
      district_id: place.districtId ?? null,
      period_start: '2026-07-01',
      period_end: '2026-09-30',
      state: options.published ? 'published' : 'draft',
      content: JSON.stringify(options.content ?? completeContent('Fixture report')),
      created_at: now,
      updated_at: now,
      published_at: options.published ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A pending question on a new published report of the region. */
export async function insertQuestion(t: TestApp, regionId: string): Promise<string> {
  const reportId = await insertReport(t, { regionId }, { published: true });
  const row = await t.database.db
    .insertInto('portal_chief_report_questions')
    .values({
      report_id: reportId,
      tracking_hash: hex(),
      display_name: null,
      text: `A question ${randomBytes(4).toString('hex')} here`,
      text_hash: hex(),
      language: 'en',
      email_enc: null,
      flags: [],
      state: 'pending',
      received_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const ADMIN = '/api/v1/portal-admin/chief-reports';
const QUESTIONS = '/api/v1/portal-admin/chief-report-questions';

function onReports(build: (id: string) => InjectOptions, options: { published?: boolean } = {}) {
  return async (t: TestApp): Promise<JurisdictionProbe> => ({
    kind: 'item',
    inside: build(await insertReport(t, { regionId: HOME }, options)),
    outside: build(await insertReport(t, { regionId: OTHER }, options)),
  });
}

function onQuestions(action: string, payload: object) {
  return async (t: TestApp): Promise<JurisdictionProbe> => ({
    kind: 'item',
    inside: { method: 'POST', url: `${QUESTIONS}/${await insertQuestion(t, HOME)}/${action}`, payload },
    outside: { method: 'POST', url: `${QUESTIONS}/${await insertQuestion(t, OTHER)}/${action}`, payload },
  });
}

/** Jurisdiction probes for the chiefs' report routes (spread into JURISDICTION_FIXTURES). */
export const CHIEF_REPORT_FIXTURES: Record<string, (t: TestApp) => Promise<JurisdictionProbe>> = {
  [`GET ${ADMIN}`]: async (t) => {
    const insideId = await insertReport(t, { regionId: HOME });
    const outsideId = await insertReport(t, { regionId: OTHER });
    const req = { method: 'GET' as const, url: `${ADMIN}?limit=500` };
    return { kind: 'list', inside: req, outside: req, insideId, outsideId };
  },
  [`POST ${ADMIN}`]: async () => {
    const body = (regionId: string) => ({
      regionId,
      districtId: null,
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      content: {},
    });
    return {
      kind: 'create',
      inside: { method: 'POST', url: ADMIN, payload: body(HOME) },
      outside: { method: 'POST', url: ADMIN, payload: body(OTHER) },
    };
  },
  [`GET ${ADMIN}/:id`]: onReports((id) => ({ method: 'GET', url: `${ADMIN}/${id}` })),
  [`PUT ${ADMIN}/:id`]: onReports((id) => ({
    method: 'PUT',
    url: `${ADMIN}/${id}`,
    payload: { periodStart: '2026-07-01', periodEnd: '2026-09-30', content: completeContent('Edited') },
  })),
  [`POST ${ADMIN}/:id/publish`]: onReports((id) => ({ method: 'POST', url: `${ADMIN}/${id}/publish` })),
  [`GET ${ADMIN}/:id/questions`]: onReports((id) => ({ method: 'GET', url: `${ADMIN}/${id}/questions` }), { published: true }),
  [`POST ${QUESTIONS}/:id/approve`]: onQuestions('approve', {}),
  [`POST ${QUESTIONS}/:id/reject`]: onQuestions('reject', { reason: 'off topic' }),
  [`POST ${QUESTIONS}/:id/answer`]: onQuestions('answer', { answer: 'Thank you.' }),
};
