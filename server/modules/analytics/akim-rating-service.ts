import { CRIME_CATEGORY_CODES } from '../../../common/categories.js';
import type { Db } from '../../db/connection.js';
import { averageRatingsByRegion } from '../feedback/index.js';
import { listRegions } from '../geo/index.js';
import { incidentCountsForAnalysis, incidentOutcomesForAnalysis } from '../incidents/index.js';
import { RATING_INPUTS, parseWeights, rateRegions, type RatingInput } from './akim-rating.js';
import type { Text } from './indicator-definitions.js';
import { observationsOf } from './indicator-store.js';
import { localYear } from './local-year.js';
import type { AkimRatingQuery, AkimRatingView } from './rating-schema.js';
import { comparisonView, percentChange, yearComparison } from './year-comparison.js';

export const CRIME_CATEGORIES = CRIME_CATEGORY_CODES;

const INPUT_TEXTS: Record<RatingInput, { name: Text; source: string }> = {
  crimeRate: {
    name: { kk: 'Қылмыс, 10 000 тұрғынға', ru: 'Преступления на 10 000 жителей', en: 'Crimes per 10,000 residents' },
    source:
      'incidents: count over the compared period (the year, or 1 January to yesterday while it runs; Almaty time), crime categories, status not in (new, cancelled, merged), per region ÷ regions.population × 10,000',
  },
  crimeChange: {
    name: {
      kk: 'Алдыңғы жылдың сол күндерімен салыстырғандағы өзгеріс, %',
      ru: 'Изменение к тем же дням прошлого года, %',
      en: 'Change on the same days of the previous year, %',
    },
    source:
      'incidents: (count over the period − count over the same days a year earlier) ÷ the latter × 100, same filter; left out when the data do not cover both',
  },
  clearance: {
    name: { kk: 'Қылмыстардың ашылуы, %', ru: 'Раскрываемость преступлений, %', en: 'Crimes cleared, %' },
    source:
      "incidents: of the crimes counted for crimeRate, those whose investigation_outcome is sent-to-court or ended-offender-identified, decided (outcome_decided_on) by the period's last day ÷ those counted less the ones decided no-offence by then × 100; null where none is left",
  },
  roadDeaths: {
    name: {
      kk: 'ЖКО-дан қаза тапқандар, 100 000 тұрғынға',
      ru: 'Погибшие в ДТП на 100 000 жителей',
      en: 'Road deaths per 100,000 residents',
    },
    source: "indicator_observations: indicator 'road-deaths', numerator ÷ denominator × 100,000",
  },
  citizenRating: {
    name: { kk: 'Азаматтардың орташа бағасы (1–5)', ru: 'Средняя оценка граждан (1–5)', en: 'Citizens’ average rating (1–5)' },
    source: 'service_ratings: avg(score) of ratings given in the year, per region',
  },
  senseOfSafety: {
    name: { kk: 'Қауіпсіздікті сезіну, %', ru: 'Чувство безопасности, %', en: 'Sense of safety, %' },
    source: "indicator_observations: indicator 'sense-of-safety', numerator ÷ denominator × 100",
  },
  trustInPolice: {
    name: { kk: 'Полицияға сенім, %', ru: 'Доверие к полиции, %', en: 'Trust in the police, %' },
    source: "indicator_observations: indicator 'trust-in-police', numerator ÷ denominator × 100",
  },
};

const METHOD: Text = {
  kk: 'Әр көрсеткіш өңірлер арасында мин–макс әдісімен 0–1 аралығына келтіріледі (1 – ең жақсы; «аз болған жақсы» көрсеткіштер аударылады), содан кейін салмақталған орташа × 100. Деректері жоқ көрсеткіш сол өңірдің бағасына кірмейді.',
  ru: 'Каждый показатель приводится к 0–1 методом мин–макс между регионами (1 — лучший; показатели «чем меньше, тем лучше» переворачиваются), затем взвешенное среднее × 100. Показатель без данных не входит в оценку региона.',
  en: 'Each input is min–max normalised across regions to 0–1 (1 is best; inputs where lower is better are reversed), then the weighted mean × 100. An input without data is left out of that region’s score.',
};

function countsByRegion(rows: { regionId: string; count: number }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.regionId, (counts.get(row.regionId) ?? 0) + row.count);
  return counts;
}

/** The akim rating of every region for a year, with every input and how it was scored. */
export async function akimRating(db: Db, query: AkimRatingQuery, today: Date): Promise<AkimRatingView> {
  const weights = parseWeights(query.weights);
  const year = localYear(query.year);
  const comparison = await yearComparison(db, query.year, today);
  const counted = comparison.period ?? { from: today, to: today };
  const before = comparison.previous;
  const [regions, now, then, outcomes, observations, ratings] = await Promise.all([
    listRegions(db),
    incidentCountsForAnalysis(db, { from: counted.from, to: counted.to, categories: CRIME_CATEGORIES, recorded: true }).then(
      countsByRegion,
    ),
    before
      ? incidentCountsForAnalysis(db, { from: before.from, to: before.to, categories: CRIME_CATEGORIES, recorded: true }).then(
          countsByRegion,
        )
      : null,
    // Cleared by the period's end, so a past year's rate stands still as later decisions are recorded.
    incidentOutcomesForAnalysis(db, { from: counted.from, to: counted.to, asOf: new Date(counted.to.getTime() - 1) }),
    observationsOf(db, query.year),
    averageRatingsByRegion(db, year),
  ]);
  const clearance = (regionId: string) => {
    const o = outcomes.find((x) => x.regionId === regionId);
    const base = o ? o.recorded - o.noOffence : 0;
    return o && base > 0 ? (o.cleared / base) * 100 : null;
  };
  const survey = (regionId: string, indicator: string, scale: number) => {
    const o = observations.find((x) => x.regionId === regionId && x.indicator === indicator);
    return o ? (o.numerator / o.denominator) * scale : null;
  };
  const inputs = regions.map((region) => {
    const count = now.get(region.id) ?? 0;
    const previous = then ? (then.get(region.id) ?? 0) : null;
    return {
      regionId: region.id,
      values: {
        crimeRate: (count / region.population) * 10_000,
        crimeChange: percentChange(count, previous),
        clearance: clearance(region.id),
        roadDeaths: survey(region.id, 'road-deaths', 100_000),
        citizenRating: ratings.find((r) => r.regionId === region.id)?.average ?? null,
        senseOfSafety: survey(region.id, 'sense-of-safety', 100),
        trustInPolice: survey(region.id, 'trust-in-police', 100),
      },
    };
  });
  const names = new Map(regions.map((r) => [r.id, r.names]));
  const demoRegions = new Set(observations.filter((o) => o.demo).map((o) => o.regionId));
  return {
    year: query.year,
    comparison: comparisonView(comparison),
    weights,
    method: METHOD,
    inputs: RATING_INPUTS.map(({ key, direction }) => ({
      key,
      direction,
      name: INPUT_TEXTS[key].name,
      available: inputs.some((r) => r.values[key] !== null),
      source: INPUT_TEXTS[key].source,
    })),
    regions: rateRegions(inputs, weights).map((r) => ({
      ...r,
      name: names.get(r.regionId)!,
      demo: demoRegions.has(r.regionId),
    })),
  };
}
