import { DV_RISK_INSTRUMENT, type Answer } from '../../../common/risk-instruments.js';
import { demoActor } from '../identity/index.js';
import { samplePoints } from '../geo/index.js';
import { assessRisk } from './assessments.js';
import { createCase } from './cases.js';
import { addAction, createConference } from './conferences.js';
import { recordAttendance } from './conference-decisions.js';
import { setPartnerAgency } from './conference-store.js';
import type { PreventionDeps } from './deps.js';
import { issueOrder } from './orders.js';
import type { AssessmentRequest, PersonInput } from './schema.js';
import type { Caller } from './scope.js';

const DEMO_BASIS = 'Қазақстан Республикасының «Тұрмыстық зорлық-зомбылық профилактикасы туралы» Заңы, 20-бап (Демо)';
const DAY = 86_400_000;

/** `yes` answers first, the rest "no", all from the victim: enough to land on a chosen grade. */
function demoAnswers(yes: number): AssessmentRequest['answers'] {
  return DV_RISK_INSTRUMENT.questions.map((q, i) => ({
    question: q.id,
    answer: (i < yes ? 'yes' : 'no') as Answer,
    source: 'victim' as const,
  }));
}

// Invented people: every name says it is a demo, and no IIN is given, so nobody real can match.
function demoPeople(n: number, victim: string, aggressor: string, child?: string): PersonInput[] {
  return [
    {
      role: 'victim',
      name: `${victim} (Демо)`,
      phone: `+7 700 000 00 ${String(n).padStart(2, '0')}`,
      address: `Ойдан шығарылған көше, ${n} (Демо)`,
    },
    { role: 'aggressor', name: `${aggressor} (Демо)` },
    ...(child ? [{ role: 'child' as const, name: `${child} (Демо)` }] : []),
  ];
}

async function demoStaff(deps: PreventionDeps, username: string): Promise<Caller | undefined> {
  const user = await demoActor(deps.db, username);
  return user && { ip: '127.0.0.1', user };
}

/**
 * Demo casework for the demo accounts' beat in Almaty: four invented cases at every grade, one
 * heard at a risk conference (attendance and a crisis-centre action), one waiting for the next
 * conference, one under a police protection order. Made through the module's own services, so
 * every field is encrypted and every step is in the timeline and the audit log as in real use.
 * Does nothing once any case exists, or without the demo accounts.
 */
export async function seedDemoCases(deps: PreventionDeps): Promise<number> {
  if (await deps.db.selectFrom('dv_cases').select('id').limit(1).executeTakeFirst()) return 0;
  const [officer, supervisor, partner] = await Promise.all([
    demoStaff(deps, 'officer.almaty'),
    demoStaff(deps, 'supervisor.almaty'),
    demoStaff(deps, 'partner.almaty'),
  ]);
  const beat = officer?.user.jurisdiction;
  if (!officer || !supervisor || !beat?.districtId || !beat.beatId) return 0;
  const homes = (await samplePoints(deps.db, [{ districtId: beat.districtId, count: 400 }], 2026)).filter(
    (p) => p.beatId === beat.beatId,
  );
  if (homes.length < 4) return 0;
  const now = deps.clock();
  const at = (i: number) => ({ type: 'Point' as const, coordinates: [homes[i]!.lon, homes[i]!.lat] });
  const open = (i: number, people: PersonInput[]) =>
    createCase(deps, officer, { location: at(i), legalBasis: DEMO_BASIS, people });
  const assess = (caseId: string, yes: number, extra: Partial<AssessmentRequest> = {}) =>
    assessRisk(deps, officer, caseId, { answers: demoAnswers(yes), reason: 'initial', ...extra });

  // Heard at a conference two days ago: attendance recorded, the crisis centre owns an action.
  const heard = await open(1, demoPeople(1, 'Әлия Демова', 'Бауыржан Демов', 'Айсұлу Демова'));
  await assess(heard.id, 16);
  if (partner)
    await setPartnerAgency(deps.db, { userId: partner.user.userId, agency: 'crisis-centre', by: supervisor.user.userId, now });
  const conference = await createConference(deps, supervisor, {
    districtId: beat.districtId,
    scheduledAt: new Date(now.getTime() - 2 * DAY).toISOString(),
    agencies: ['police', 'crisis-centre', 'health', 'social-protection'],
  });
  await recordAttendance(deps, supervisor, conference.id, {
    attended: ['police', 'crisis-centre', 'social-protection'],
  });
  await addAction(deps, supervisor, conference.id, {
    caseId: heard.id,
    agency: 'crisis-centre',
    description: 'Баспанадан орын ұсыну және қауіпсіздік жоспарын әйелмен бірге құру (Демо)',
    dueAt: new Date(now.getTime() + 3 * DAY).toISOString(),
  });

  // High by the officer's judgement: waiting for the district's next conference.
  const waiting = await open(2, demoPeople(2, 'Гүлмира Ойдан', 'Ерболат Ойдан'));
  await assess(waiting.id, 11, {
    judgementGrade: 'high',
    rationale: 'Жәбірленуші тұншықтыру әрекеті болғанын айтты (Демо)',
  });

  // Medium, under a police protection order issued five days ago.
  const ordered = await open(3, demoPeople(3, 'Сәуле Мысалова', 'Нұрлан Мысалов', 'Дәурен Мысалов'));
  await assess(ordered.id, 10);
  await issueOrder(deps, officer, ordered.id, {
    kind: 'police-protection',
    conditions: ['no-contact', 'no-alcohol-drugs'],
    legalBasis: DEMO_BASIS,
    issuedAt: new Date(now.getTime() - 5 * DAY).toISOString(),
  });

  const standard = await open(4, demoPeople(4, 'Динара Үлгіева', 'Арман Үлгіев'));
  await assess(standard.id, 3);
  return 4;
}
