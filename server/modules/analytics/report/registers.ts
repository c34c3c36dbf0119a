import type { RegisterKind } from '../../../../common/register-kinds.js';
import type { ReportFigure as Figure } from '../../../../common/schemas/national-report.js';
import type { Db } from '../../../db/connection.js';
import {
  registerFiguresForAnalysis,
  type RegisterFigure,
  type RegisterMeasure,
  type RepeatFigure,
  type RepeatMeasure,
} from '../../prevention/index.js';
import type { Text } from '../indicator-definitions.js';
import { yearComparison } from '../year-comparison.js';
import type { RegionFigureTable } from './bodies.js';

/**
 * "Repeat offending" and "Juveniles" from what Aman holds: the preventive registers (people
 * under supervision after prison, repeat offenders, juveniles and families at risk) and repeat
 * domestic abuse (repeat referrals to a risk conference, breaches of protection orders).
 * prevention/register-figures-read.ts says exactly what each measure counts. Aman records no
 * convictions, so these are the people and cases prevention works with, not a reoffending rate;
 * the sections' notes say so. No comparison with a year before: regions began keeping their
 * registers in Aman at different times.
 */

type Span = { from: Date; to: Date };

const KIND_NAMES: Record<RegisterKind, Text> = {
  'released-prisoner': {
    kk: 'Бас бостандығынан айыру орындарынан босатылғандар',
    ru: 'Освобождённые из мест лишения свободы',
    en: 'Released from prison',
  },
  'administrative-supervision': {
    kk: 'Әкімшілік қадағалаудағылар',
    ru: 'Под административным надзором',
    en: 'Under administrative supervision',
  },
  'repeat-administrative-offender': {
    kk: 'Әкімшілік құқық бұзушылықты қайталап жасағандар',
    ru: 'Повторно совершившие административные правонарушения',
    en: 'Repeat administrative offenders',
  },
  'alcohol-treatment': {
    kk: 'Алкогольге тәуелділіктен емделуге жіберілгендер',
    ru: 'Направленные на лечение от алкоголизма',
    en: 'Referred for alcohol treatment',
  },
  juvenile: { kk: 'Кәмелетке толмағандар', ru: 'Несовершеннолетние', en: 'Juveniles' },
  'family-in-difficulty': {
    kk: 'Қиын жағдайдағы отбасылар',
    ru: 'Семьи в трудной жизненной ситуации',
    en: 'Families in difficult circumstances',
  },
};

const MEASURE_NAMES: Record<RegisterMeasure, Text> = {
  'entries-active': {
    kk: 'профилактикалық есепте, кезең соңында',
    ru: 'на профилактическом учёте на конец периода',
    en: 'on the preventive register at the end of the period',
  },
  'entries-opened': {
    kk: 'есепке кезең ішінде алынғаны',
    ru: 'поставлено на учёт за период',
    en: 'put on the register in the period',
  },
};

const REPEAT_NAMES: Record<RepeatMeasure, Text> = {
  'repeat-referrals': {
    kk: 'Тұрмыстық зорлық: 12 ай ішінде тәуекел жөніндегі кеңеске қайта жолдау',
    ru: 'Бытовое насилие: повторные направления на конференцию по рискам в течение 12 месяцев',
    en: 'Domestic violence: repeat referrals to a risk conference within 12 months',
  },
  'order-breaches': {
    kk: 'Қорғау нұсқамаларын бұзу',
    ru: 'Нарушения защитных предписаний',
    en: 'Breaches of protection orders',
  },
};

interface Plan {
  key: string;
  label: Text;
  matches: (row: RegisterFigure | RepeatFigure) => boolean;
  source: string;
}

function registerPlan(kind: RegisterKind, measure: RegisterMeasure): Plan {
  const [name, what] = [KIND_NAMES[kind], MEASURE_NAMES[measure]];
  return {
    key: `registers:${kind}:${measure}`,
    label: { kk: `${name.kk}: ${what.kk}`, ru: `${name.ru}: ${what.ru}`, en: `${name.en}: ${what.en}` },
    matches: (row) => 'kind' in row && row.kind === kind && row.measure === measure,
    source:
      measure === 'entries-opened'
        ? `prevention_register_entries: count(*) where kind = ${kind} and start_date (region's midnight) in {span}`
        : `prevention_register_entries: count(*) where kind = ${kind} and start_date before {end} and neither closed_at nor end_date before {end}`,
  };
}

function repeatPlan(measure: RepeatMeasure): Plan {
  return {
    key: `registers:${measure}`,
    label: REPEAT_NAMES[measure],
    matches: (row) => !('kind' in row) && row.measure === measure,
    source:
      measure === 'repeat-referrals'
        ? 'risk_referrals: count(*) where is_repeat and referred_at in {span}'
        : 'protection_order_violations: count(*) where recorded_at in {span}',
  };
}

const kinds = (list: RegisterKind[]) =>
  list.flatMap((kind) => [registerPlan(kind, 'entries-active'), registerPlan(kind, 'entries-opened')]);

const PLANS: Record<string, readonly Plan[]> = {
  'repeat-offending': [
    ...kinds(['released-prisoner', 'administrative-supervision', 'repeat-administrative-offender', 'alcohol-treatment']),
    repeatPlan('repeat-referrals'),
    repeatPlan('order-breaches'),
  ],
  juveniles: kinds(['juvenile', 'family-in-difficulty']),
};

const ALL_PLANS = Object.values(PLANS).flat();

function sourceOf(plan: Plan, period: Span, regionId: string | null): string {
  const text = plan.source
    .replace('{span}', `[${period.from.toISOString()}, ${period.to.toISOString()})`)
    .replace('{end}', period.to.toISOString());
  return `${text}${regionId ? ` and region_id = ${regionId}` : ''}`;
}

const rowsOf = (figures: { register: RegisterFigure[]; repeat: RepeatFigure[] }) => [...figures.register, ...figures.repeat];

/** The register figures of every section, by section id, for the counted days of the year in the country or one region. */
export async function registerFigures(db: Db, period: Span, regionId: string | null): Promise<Map<string, Figure[]>> {
  const rows = rowsOf(await registerFiguresForAnalysis(db, { ...period, ...(regionId === null ? {} : { regionId }) }));
  return new Map(
    Object.entries(PLANS).map(([section, plans]) => [
      section,
      plans.map((plan): Figure => ({
        key: plan.key,
        label: plan.label,
        value: rows.filter(plan.matches).reduce((sum, r) => sum + r.count, 0),
        previous: null,
        change: null,
        unit: 'count',
        source: sourceOf(plan, period, regionId),
        demo: false,
      })),
    ]),
  );
}

/** The cells behind the register figures for every region at once: the public portal suppresses small ones. */
export async function reportRegisterTables(db: Db, year: number, now: Date): Promise<RegionFigureTable[]> {
  const { period } = await yearComparison(db, year, now);
  const rows = period ? rowsOf(await registerFiguresForAnalysis(db, { from: period.from, to: period.to })) : [];
  return ALL_PLANS.map((plan) => {
    const counts = new Map<string, number>();
    for (const row of rows.filter(plan.matches)) counts.set(row.regionId, (counts.get(row.regionId) ?? 0) + row.count);
    // No register figure counts a part of another: opened in the year and in force at its end overlap only in part.
    return { key: plan.key, partOf: null, counts };
  });
}
