import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { isValidIin } from '../../common/iin.js';
import { createStaff, type TestApp } from './app.js';
import { answers, LEGAL_BASIS, pointIn } from './prevention-fixtures.js';

// Invented people and places that exist nowhere else in the code base or its data, so any hit in
// a dump or a log is a leak. The IIN passes its check digit, as a real one would.
export const CANARY = {
  name: 'Канареечка Сәулетқызы Тестова',
  iin: '880412300735',
  phone: '+7 701 555 73 19',
  address: 'Canaryvej 42, пәтер 17',
};

/** Every form a canary could leak in: whole, in parts, and the phone as digits without spaces. */
export const CANARY_TRACES = [
  'Канареечка',
  'Сәулетқызы',
  CANARY.iin,
  CANARY.phone,
  '+77015557319',
  '7015557319',
  '701 555 73 19',
  'Canaryvej',
];

const ALMATY = '750000000';

const said = (what: string) => `${what}: ${CANARY.name}, ИИН ${CANARY.iin}, тел. ${CANARY.phone}, мекенжайы ${CANARY.address}`;

/** Fastify logger options that keep every line the server logs, at every level. */
export function collectedLogs(): { logger: object; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: { level: 'trace', stream }, text: () => lines.join('') };
}

export function tracesIn(text: string): string[] {
  return CANARY_TRACES.filter((trace) => text.includes(trace));
}

/**
 * Puts the canary person everywhere staff and citizens write about people, through the real
 * routes: a citizen's report (description and contact), the operator's triage and note on it, an
 * officer's domestic-violence case with the canary as victim, linked to the report, and the
 * officer's rationale on the case's risk assessment. Then reads each back, so the test also
 * shows the data is there for those allowed to see it.
 */
export async function fileCanaryEverywhere(t: TestApp): Promise<void> {
  expect(isValidIin(CANARY.iin)).toBe(true);
  const inject = async (cookie: string | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response;
  };

  const report = await inject(null, 'POST', '/api/v1/reports', {
    category: 'domestic-violence',
    description: said('Көршім ұрып жатыр'),
    location: pointIn(ALMATY),
    reporter: { name: CANARY.name, phone: CANARY.phone },
  });
  const incidentId = report.json().id as string;

  const operator = await createStaff(t, ['operator'], { level: 'region', regionId: ALMATY });
  await inject(operator.cookie, 'POST', `/api/v1/incidents/${incidentId}/triage`, {
    internalNote: said('Triage'),
  });
  await inject(operator.cookie, 'POST', `/api/v1/incidents/${incidentId}/notes`, { text: said('Called back') });
  const detail = (await inject(operator.cookie, 'GET', `/api/v1/incidents/${incidentId}/detail`)).json();
  expect(detail.description).toContain(CANARY.iin);
  expect(detail.reporter).toMatchObject({ name: CANARY.name });
  expect(detail.timeline.map((e: { internalNote: string | null }) => e.internalNote)).toEqual([
    null,
    said('Triage'),
    said('Called back'),
  ]);
  const eido = await inject(operator.cookie, 'GET', `/api/v1/incidents/${incidentId}/eido`);
  expect(tracesIn(eido.body)).toEqual([]);
  // An operator's reason names the family as readily as a note does.
  const again = await inject(null, 'POST', '/api/v1/reports', {
    category: 'domestic-violence',
    description: 'Shouting next door again',
    location: pointIn(ALMATY),
  });
  await inject(operator.cookie, 'POST', `/api/v1/incidents/${again.json().id as string}/merge`, {
    into: incidentId,
    reason: said('Same family'),
  });

  const officer = await createStaff(t, ['officer'], { level: 'region', regionId: ALMATY });
  const created = await inject(officer.cookie, 'POST', '/api/v1/prevention/cases', {
    location: pointIn(ALMATY),
    legalBasis: LEGAL_BASIS,
    people: [{ role: 'victim', name: CANARY.name, iin: CANARY.iin, address: CANARY.address, phone: CANARY.phone }],
    incident: { incidentId, occurredAt: detail.occurredAt },
  });
  const caseId = created.json().id as string;
  await inject(officer.cookie, 'POST', `/api/v1/prevention/cases/${caseId}/assessments`, {
    answers: answers(0),
    judgementGrade: 'high',
    rationale: said('She fears him'),
    reason: 'initial',
  });
  // A breach of the order is described in the officer's words, which name the family too.
  const order = await inject(officer.cookie, 'POST', `/api/v1/prevention/cases/${caseId}/orders`, {
    kind: 'police-protection',
    conditions: ['no-contact'],
    legalBasis: LEGAL_BASIS,
  });
  expect(order.statusCode, order.body).toBe(201);
  const breach = await inject(officer.cookie, 'POST', `/api/v1/prevention/orders/${order.json().id as string}/violations`, {
    occurredAt: new Date().toISOString(),
    legalBasis: LEGAL_BASIS,
    description: said('He came to the door'),
  });
  expect(breach.statusCode, breach.body).toBe(201);
  const opened = (await inject(officer.cookie, 'GET', `/api/v1/prevention/cases/${caseId}`)).json();
  expect(opened.people).toEqual([expect.objectContaining({ name: CANARY.name, iin: CANARY.iin })]);
  expect(opened.violations).toEqual([expect.objectContaining({ description: expect.stringContaining(CANARY.name) })]);
}
