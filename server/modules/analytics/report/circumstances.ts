import {
  AGE_BANDS,
  INTOXICATIONS,
  MINOR_AGE_BANDS,
  PLACE_TYPE_NAMES,
  PLACE_TYPES,
  PUBLIC_PLACE_TYPES,
  VICTIM_SEXES,
  type CircumstanceField,
} from '../../../../common/incident-circumstances.js';
import type { ReportFigure as Figure } from '../../../../common/schemas/national-report.js';
import type { CircumstanceCount } from '../../incidents/index.js';
import { CRIME_CATEGORIES } from '../akim-rating-service.js';
import type { Text } from '../indicator-definitions.js';
import { percentChange } from '../year-comparison.js';

/**
 * The report's figures from what staff recorded on incidents (common/incident-circumstances.ts):
 * victims' sex and age, suspects' age and state, the kind of place. Each count is of incidents
 * where the circumstance was recorded, so each comes with the share of incidents that have it
 * recorded: a small share says the count is a floor, not the whole.
 *
 * They are parts of the category counts (women among the victims of domestic violence…), so
 * the public portal leaves them out: `isCircumstanceFigure`.
 */

const PREFIX = 'circumstances:';
export const isCircumstanceFigure = (key: string): boolean => key.startsWith(PREFIX);

/** Violence the concept counts against women and children. */
export const VIOLENT_CATEGORIES = [
  'violent-crime',
  'domestic-violence',
  'sexual-offences',
  'offences-against-children',
  'human-trafficking',
] as const;

const COLUMNS: Record<CircumstanceField, string> = {
  victimSex: 'victim_sex',
  victimAgeBand: 'victim_age_band',
  offenderAgeBand: 'offender_age_band',
  offenderIntoxication: 'offender_intoxication',
  placeType: 'place_type',
};

interface CountPlan {
  kind: 'count';
  key: string;
  label: Text;
  categories: readonly string[];
  field: CircumstanceField;
  values: readonly string[];
}

/** The share of the categories' incidents with the field recorded. */
interface SharePlan {
  kind: 'share';
  key: string;
  label: Text;
  categories: readonly string[];
  field: CircumstanceField;
}

type Plan = CountPlan | SharePlan;

const count = (
  id: string,
  label: Text,
  categories: readonly string[],
  field: CircumstanceField,
  values: readonly string[],
): Plan => ({
  kind: 'count',
  key: `${PREFIX}${id}`,
  label,
  categories,
  field,
  values,
});

const share = (id: string, label: Text, categories: readonly string[], field: CircumstanceField): Plan => ({
  kind: 'share',
  key: `${PREFIX}${id}:recorded`,
  label,
  categories,
  field,
});

const PLANS: Record<string, readonly Plan[]> = {
  'violence-women-children': [
    count(
      'violence:victim-female',
      {
        kk: 'Зорлық-зомбылық: жәбірленуші әйел',
        ru: 'Насилие: потерпевшая — женщина',
        en: 'Violence: the victim a woman or girl',
      },
      VIOLENT_CATEGORIES,
      'victimSex',
      ['female'],
    ),
    count(
      'violence:victim-minor',
      {
        kk: 'Зорлық-зомбылық: жәбірленуші 18 жасқа толмаған',
        ru: 'Насилие: потерпевший младше 18 лет',
        en: 'Violence: the victim under 18',
      },
      VIOLENT_CATEGORIES,
      'victimAgeBand',
      MINOR_AGE_BANDS,
    ),
    share(
      'violence:victim-sex',
      {
        kk: 'Жәбірленушінің жынысы жазылған зорлық оқиғаларының үлесі',
        ru: 'Доля насильственных происшествий с записанным полом потерпевшего',
        en: 'Share of violent incidents with the victim’s sex recorded',
      },
      VIOLENT_CATEGORIES,
      'victimSex',
    ),
    share(
      'violence:victim-age',
      {
        kk: 'Жәбірленушінің жасы жазылған зорлық оқиғаларының үлесі',
        ru: 'Доля насильственных происшествий с записанным возрастом потерпевшего',
        en: 'Share of violent incidents with the victim’s age recorded',
      },
      VIOLENT_CATEGORIES,
      'victimAgeBand',
    ),
  ],
  'public-places': [
    count(
      'crime:public-place',
      { kk: 'Қоғамдық орындарда жасалған қылмыстар', ru: 'Преступления в общественных местах', en: 'Crimes in public places' },
      CRIME_CATEGORIES,
      'placeType',
      PUBLIC_PLACE_TYPES,
    ),
    ...PUBLIC_PLACE_TYPES.map((place) =>
      count(
        `crime:place:${place}`,
        {
          kk: `оның ішінде: ${PLACE_TYPE_NAMES[place].kk}`,
          ru: `из них: ${PLACE_TYPE_NAMES[place].ru}`,
          en: `of them: ${PLACE_TYPE_NAMES[place].en}`,
        },
        CRIME_CATEGORIES,
        'placeType',
        [place],
      ),
    ),
    share(
      'crime:place',
      {
        kk: 'Оқиға орны жазылған қылмыстардың үлесі',
        ru: 'Доля преступлений с записанным местом',
        en: 'Share of crimes with the place recorded',
      },
      CRIME_CATEGORIES,
      'placeType',
    ),
  ],
  'under-influence': [
    count(
      'crime:alcohol',
      {
        kk: 'Алкогольдік мас күйде жасалған қылмыстар',
        ru: 'Преступления в состоянии алкогольного опьянения',
        en: 'Crimes under the influence of alcohol',
      },
      CRIME_CATEGORIES,
      'offenderIntoxication',
      ['alcohol'],
    ),
    count(
      'crime:drugs',
      {
        kk: 'Есірткілік мас күйде жасалған қылмыстар',
        ru: 'Преступления в состоянии наркотического опьянения',
        en: 'Crimes under the influence of drugs',
      },
      CRIME_CATEGORIES,
      'offenderIntoxication',
      ['drugs'],
    ),
    share(
      'crime:intoxication',
      {
        kk: 'Күдіктінің күйі жазылған қылмыстардың үлесі',
        ru: 'Доля преступлений с записанным состоянием подозреваемого',
        en: 'Share of crimes with the suspect’s state recorded',
      },
      CRIME_CATEGORIES,
      'offenderIntoxication',
    ),
  ],
  juveniles: [
    count(
      'crime:offender-minor',
      {
        kk: 'Күдіктісі 18 жасқа толмаған қылмыстар',
        ru: 'Преступления, где подозреваемый младше 18 лет',
        en: 'Crimes with a suspect under 18',
      },
      CRIME_CATEGORIES,
      'offenderAgeBand',
      MINOR_AGE_BANDS,
    ),
    share(
      'crime:offender-age',
      {
        kk: 'Күдіктінің жасы жазылған қылмыстардың үлесі',
        ru: 'Доля преступлений с записанным возрастом подозреваемого',
        en: 'Share of crimes with the suspect’s age recorded',
      },
      CRIME_CATEGORIES,
      'offenderAgeBand',
    ),
  ],
};

// Every value of a field, so that a share counts each incident with it recorded once.
const ALL_VALUES: Record<CircumstanceField, readonly string[]> = {
  victimSex: VICTIM_SEXES,
  victimAgeBand: AGE_BANDS,
  offenderAgeBand: AGE_BANDS,
  offenderIntoxication: INTOXICATIONS,
  placeType: PLACE_TYPES,
};

type Span = { from: Date; to: Date };
type CategoryCount = { category: string; count: number };

export interface CircumstanceInputs {
  current: CircumstanceCount[];
  previous: CircumstanceCount[] | null;
  /** The same counts `incidentCountsForAnalysis` gave the report: the whole each share is of. */
  totals: CategoryCount[];
  period: Span;
  before: Span | null;
  regionId: string | null;
}

function sum(
  rows: CircumstanceCount[],
  categories: readonly string[],
  field: CircumstanceField,
  values: readonly string[],
): number {
  return rows
    .filter((r) => r.field === field && categories.includes(r.category) && values.includes(r.value))
    .reduce((total, r) => total + r.count, 0);
}

function source(plan: Plan, period: Span, before: Span | null, regionId: string | null): string {
  const span = (p: Span) => `[${p.from.toISOString()}, ${p.to.toISOString()})`;
  const where = (p: Span) =>
    `category in (${plan.categories.join(', ')}) and occurred_at in ${span(p)} and status not in (new, cancelled, merged)` +
    (regionId ? ` and region_id = ${regionId}` : '');
  const column = COLUMNS[plan.field];
  if (plan.kind === 'share') {
    return `incidents: count(*) where ${column} is not null and ${where(period)} ÷ count(*) where ${where(period)} × 100`;
  }
  return (
    `incidents: count(*) where ${column} in (${plan.values.join(', ')}) and ${where(period)}` +
    (before ? `; previous: the same over ${span(before)}` : '')
  );
}

/** The circumstance figures of one section, in the order the report prints them (none for most sections). */
export function circumstanceFigures(sectionId: string, inputs: CircumstanceInputs): Figure[] {
  const { current, previous, totals, period, before, regionId } = inputs;
  return (PLANS[sectionId] ?? []).map((plan): Figure => {
    const base = { key: plan.key, label: plan.label, source: source(plan, period, before, regionId), demo: false };
    if (plan.kind === 'share') {
      const whole = totals.filter((t) => plan.categories.includes(t.category)).reduce((s, t) => s + t.count, 0);
      const recorded = sum(current, plan.categories, plan.field, ALL_VALUES[plan.field]);
      return { ...base, value: whole > 0 ? (recorded / whole) * 100 : null, previous: null, change: null, unit: 'percent' };
    }
    const value = sum(current, plan.categories, plan.field, plan.values);
    const then = previous && sum(previous, plan.categories, plan.field, plan.values);
    return { ...base, value, previous: then, change: percentChange(value, then), unit: 'count' };
  });
}
