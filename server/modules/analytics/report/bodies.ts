import type { ReportFigure as Figure } from '../../../../common/schemas/national-report.js';
import type { Db } from '../../../db/connection.js';
import {
  AGENCIES,
  AGENCY_MEASURES,
  agencyWorkForAnalysis,
  type Agency,
  type AgencyMeasure,
  type AgencyWorkCount,
  type WorkMeasure,
} from '../../prevention/index.js';
import type { Text } from '../indicator-definitions.js';
import { yearComparison } from '../year-comparison.js';

/**
 * "What each body did": the prevention work recorded in Aman (prevention/agency-work-read.ts
 * says exactly what each measure counts), one count figure per body and measure.
 */

type Span = { from: Date; to: Date };

const AGENCY_NAMES: Record<Agency, Text> = {
  police: { kk: 'Полиция', ru: 'Полиция', en: 'Police' },
  prosecutor: { kk: 'Прокуратура', ru: 'Прокуратура', en: 'Prosecutor’s office' },
  health: { kk: 'Денсаулық сақтау', ru: 'Здравоохранение', en: 'Health' },
  education: { kk: 'Білім беру', ru: 'Образование', en: 'Education' },
  'social-protection': { kk: 'Әлеуметтік қорғау', ru: 'Социальная защита', en: 'Social protection' },
  'crisis-centre': { kk: 'Дағдарыс орталықтары', ru: 'Кризисные центры', en: 'Crisis centres' },
  ngo: { kk: 'ҮЕҰ', ru: 'НПО', en: 'NGOs' },
};

const AGENCY_MEASURE_NAMES: Record<AgencyMeasure, Text> = {
  'actions-assigned': {
    kk: 'тапсырылған қауіпсіздік жоспары шаралары',
    ru: 'поручено мер плана безопасности',
    en: 'safety-plan actions assigned',
  },
  'actions-completed': { kk: 'оның ішінде орындалғаны', ru: 'из них выполнено', en: 'of them completed' },
  'actions-on-time': {
    kk: 'оның ішінде мерзімінде орындалғаны',
    ru: 'из них выполнено в срок',
    en: 'of them completed by the due date',
  },
  'conferences-invited': {
    kk: 'тәуекел жөніндегі кеңестерге шақырылды',
    ru: 'приглашений на конференции по рискам',
    en: 'risk conferences invited to',
  },
  'conferences-attended': {
    kk: 'оның ішінде қатысқаны',
    ru: 'из них посещено',
    en: 'of them attended',
  },
};

const WORK_NAMES: Record<WorkMeasure, Text> = {
  'conferences-held': {
    kk: 'Өткізілген тәуекел жөніндегі кеңестер (қатысу жазылған)',
    ru: 'Проведено конференций по рискам (с отмеченной явкой)',
    en: 'Risk conferences held (attendance recorded)',
  },
  'police-orders': {
    kk: 'Полиция: берілген қорғау нұсқамалары',
    ru: 'Полиция: выдано защитных предписаний',
    en: 'Police: protection orders issued',
  },
  'register-contacts': {
    kk: 'Профилактикалық есеп: өткізілген байланыстар (үйге бару, қоңырау, шақыру, кездесу)',
    ru: 'Профилактический учёт: проведено контактов (посещения, звонки, вызовы, встречи)',
    en: 'Preventive register: contacts made (home visits, calls, summons, meetings)',
  },
  'centre-referrals': {
    kk: 'Дағдарыс орталықтары: алынған жолдамалар',
    ru: 'Кризисные центры: получено направлений',
    en: 'Crisis centres: referrals received',
  },
  'centre-referrals-accepted': {
    kk: 'Дағдарыс орталықтары: оның ішінде қабылданғаны',
    ru: 'Кризисные центры: из них принято',
    en: 'Crisis centres: of them accepted',
  },
  'programme-enrolments': {
    kk: 'Агрессорларға арналған бағдарламалар: жазылғандар',
    ru: 'Программы для агрессоров: зачислено',
    en: 'Aggressor programmes: enrolments',
  },
  'programmes-completed': {
    kk: 'Агрессорларға арналған бағдарламалар: толық өткендер',
    ru: 'Программы для агрессоров: завершено',
    en: 'Aggressor programmes: completed',
  },
};

/** A figure of the section, in the order the report prints them; `partOf` is the figure it counts a part of. */
interface BodyFigurePlan {
  key: string;
  measure: AgencyMeasure | WorkMeasure;
  agency: Agency | null;
  label: Text;
  partOf: string | null;
}

const agencyKey = (agency: Agency, measure: AgencyMeasure) => `bodies:${agency}:${measure}`;
const workKey = (measure: WorkMeasure) => `bodies:${measure}`;

const AGENCY_PART_OF: Record<AgencyMeasure, AgencyMeasure | null> = {
  'actions-assigned': null,
  'actions-completed': 'actions-assigned',
  'actions-on-time': 'actions-completed',
  'conferences-invited': null,
  'conferences-attended': 'conferences-invited',
};

function workPlan(measure: WorkMeasure, partOf: WorkMeasure | null = null): BodyFigurePlan {
  return { key: workKey(measure), measure, agency: null, label: WORK_NAMES[measure], partOf: partOf && workKey(partOf) };
}

function agencyPlans(agency: Agency): BodyFigurePlan[] {
  return AGENCY_MEASURES.map((measure) => {
    const name = AGENCY_NAMES[agency];
    const what = AGENCY_MEASURE_NAMES[measure];
    const part = AGENCY_PART_OF[measure];
    return {
      key: agencyKey(agency, measure),
      measure,
      agency,
      label: { kk: `${name.kk}: ${what.kk}`, ru: `${name.ru}: ${what.ru}`, en: `${name.en}: ${what.en}` },
      // An agency is invited to a conference held, so its invitations are a part of the conferences held.
      partOf: part ? agencyKey(agency, part) : measure === 'conferences-invited' ? workKey('conferences-held') : null,
    };
  });
}

const BODY_FIGURES: readonly BodyFigurePlan[] = [
  workPlan('conferences-held'),
  ...AGENCIES.flatMap((agency) => [
    ...agencyPlans(agency),
    ...(agency === 'police' ? [workPlan('police-orders')] : []),
    ...(agency === 'crisis-centre'
      ? [workPlan('centre-referrals'), workPlan('centre-referrals-accepted', 'centre-referrals')]
      : []),
  ]),
  workPlan('register-contacts'),
  workPlan('programme-enrolments'),
  workPlan('programmes-completed'),
];

const COUNTED: Record<AgencyMeasure | WorkMeasure, (span: string, agency: Agency | null, end: string) => string> = {
  'actions-assigned': (s, a) => `safety_plan_actions: count(*) where agency = ${a} and created_at in ${s}`,
  'actions-completed': (s, a, end) =>
    `safety_plan_actions: count(*) where agency = ${a} and created_at in ${s} and completed_at < ${end}`,
  'actions-on-time': (s, a, end) =>
    `safety_plan_actions: count(*) where agency = ${a} and created_at in ${s} and completed_at < ${end} and completed_at <= due_at`,
  'conferences-invited': (s, a) =>
    `risk_conferences: count(*) where ${a} = any(agencies) and scheduled_at in ${s} and attended is not null`,
  'conferences-attended': (s, a) => `risk_conferences: count(*) where ${a} = any(attended) and scheduled_at in ${s}`,
  'conferences-held': (s) => `risk_conferences: count(*) where scheduled_at in ${s} and attended is not null`,
  'police-orders': (s) => `protection_orders: count(*) where kind = police-protection and issued_at in ${s}`,
  'register-contacts': (s) => `prevention_register_contacts: count(*) where done_at in ${s} (its outcome recorded)`,
  'centre-referrals': (s) => `crisis_centre_referrals: count(*) where referred_at in ${s}`,
  'centre-referrals-accepted': (s, _a, end) =>
    `crisis_centre_referrals: count(*) where referred_at in ${s} and status = accepted and decided_at < ${end}`,
  'programme-enrolments': (s) => `programme_enrolments: count(*) where enrolled_at in ${s}`,
  'programmes-completed': (s) => `programme_enrolments: count(*) where status = completed and ended_at in ${s}`,
};

function sourceOf(plan: BodyFigurePlan, period: Span, regionId: string | null): string {
  const span = `[${period.from.toISOString()}, ${period.to.toISOString()})`;
  return `${COUNTED[plan.measure](span, plan.agency, period.to.toISOString())}${regionId ? ` and region_id = ${regionId}` : ''}`;
}

const matches = (plan: BodyFigurePlan) => (row: AgencyWorkCount) => row.measure === plan.measure && row.agency === plan.agency;

/** The section's figures for the counted days of the year, in the country or one region; never compared with a year before. */
export async function bodyFigures(db: Db, period: Span, regionId: string | null): Promise<Figure[]> {
  const rows = await agencyWorkForAnalysis(db, { ...period, ...(regionId === null ? {} : { regionId }) });
  return BODY_FIGURES.map((plan): Figure => ({
    key: plan.key,
    label: plan.label,
    value: rows.filter(matches(plan)).reduce((sum, r) => sum + r.count, 0),
    previous: null,
    change: null,
    unit: 'count',
    source: sourceOf(plan, period, regionId),
    demo: false,
  }));
}

/** One figure's counts in every region (regions without any are left out), over the days `buildNationalReport` counts. */
export interface RegionFigureTable {
  key: string;
  /** The figure this one counts a part of (completed of assigned…): their difference is a count too. */
  partOf: string | null;
  counts: Map<string, number>;
}

/** The cells behind the section's figures for every region at once: the public portal suppresses small ones. */
export async function reportBodyWorkTables(db: Db, year: number, now: Date): Promise<RegionFigureTable[]> {
  const { period } = await yearComparison(db, year, now);
  const rows = period ? await agencyWorkForAnalysis(db, { from: period.from, to: period.to }) : [];
  return BODY_FIGURES.map((plan) => {
    const counts = new Map<string, number>();
    for (const row of rows.filter(matches(plan))) counts.set(row.regionId, (counts.get(row.regionId) ?? 0) + row.count);
    return { key: plan.key, partOf: plan.partOf, counts };
  });
}
