import type { IndicatorId } from './tables.js';

export type Text = { kk: string; ru: string; en: string };

export interface IndicatorDefinition {
  id: IndicatorId;
  name: Text;
  unit: 'percent' | 'per-100k';
  /** Which way is better. */
  direction: 'up' | 'down';
  kind: 'survey' | 'register';
  baseline: { year: number; value: number } | null;
  target: { year: 2028; value: number };
  source: Text;
  method: Text;
  /** Where the concept states the target (concept-2024-2028-kk.txt). */
  conceptLine: number;
}

const WILSON: Text = {
  kk: 'Оң жауап бергендердің үлесі; 95% сенім аралығы Уилсон әдісімен (іріктемеден).',
  ru: 'Доля ответивших положительно; 95% доверительный интервал по Уилсону (по выборке).',
  en: 'Share of respondents answering positively; 95% confidence interval by Wilson’s method (from the sample).',
};

/**
 * The concept's five target indicators for 2028 (section 6.1), with the baselines it states.
 * Where the concept gives no baseline the definition says so (null) rather than inventing one.
 */
export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'sense-of-safety',
    name: {
      kk: 'Азаматтардың жеке, мүліктік және қоғамдық қауіпсіздігін сезінуі',
      ru: 'Чувство личной, имущественной и общественной безопасности граждан',
      en: 'Citizens’ sense of personal, property and public safety',
    },
    unit: 'percent',
    direction: 'up',
    kind: 'survey',
    // Concept line 104: 62.2% in 2020, 59.6% in 2021, 60.3% in 2022.
    baseline: { year: 2022, value: 60.3 },
    target: { year: 2028, value: 88 },
    source: {
      kk: 'Жоғары аудиторлық палатаның жыл сайынғы әлеуметтанулық сауалнамасы',
      ru: 'Ежегодный социологический опрос Высшей аудиторской палаты',
      en: 'Annual sociological survey of the Supreme Audit Chamber',
    },
    method: WILSON,
    conceptLine: 619,
  },
  {
    id: 'safe-walking-alone',
    name: {
      kk: 'Өз ауданында көшеде жалғыз жүргенде өзін толық қауіпсіз сезінетіндердің үлесі',
      ru: 'Доля чувствующих себя в полной безопасности, гуляя в одиночку в своём районе',
      en: 'Share who feel completely safe walking alone in their area',
    },
    unit: 'percent',
    direction: 'up',
    kind: 'survey',
    baseline: null,
    target: { year: 2028, value: 64.8 },
    source: {
      kk: 'БҰҰ ТДМ жаһандық индикаторы (16.1.4); Ұлттық статистика бюросының сауалнамасы',
      ru: 'Глобальный индикатор ЦУР ООН (16.1.4); опрос Бюро национальной статистики',
      en: 'UN SDG global indicator 16.1.4; survey of the Bureau of National Statistics',
    },
    method: WILSON,
    conceptLine: 621,
  },
  {
    id: 'road-deaths',
    name: {
      kk: 'Жол-көлік оқиғаларынан қаза тапқандар, 100 мың тұрғынға',
      ru: 'Смертность в дорожно-транспортных происшествиях на 100 тыс. жителей',
      en: 'Road traffic deaths per 100,000 residents',
    },
    unit: 'per-100k',
    direction: 'down',
    kind: 'register',
    // Concept line 234: WHO Global Status Report on Road Safety 2018 (figures for 2016): 12.7.
    baseline: { year: 2016, value: 12.7 },
    target: { year: 2028, value: 10.1 },
    source: {
      kk: 'Бас прокуратураның ҚСжАЕК статистикасы (БҰҰ ТДМ 3.6.1)',
      ru: 'Статистика КПСиСУ Генеральной прокуратуры (ЦУР ООН 3.6.1)',
      en: 'Statistics of the General Prosecutor’s Committee on Legal Statistics (UN SDG 3.6.1)',
    },
    method: {
      kk: 'Қаза тапқандар саны / халық саны × 100 000. Толық тіркелім, іріктеме емес: сенім аралығы жоқ.',
      ru: 'Число погибших / численность населения × 100 000. Сплошной учёт, не выборка: доверительного интервала нет.',
      en: 'Deaths / population × 100,000. A complete register, not a sample: no confidence interval.',
    },
    conceptLine: 624,
  },
  {
    id: 'trust-in-police',
    name: {
      kk: 'Халықтың полицияға деген сенім деңгейі',
      ru: 'Уровень доверия населения к полиции',
      en: 'Public trust in the police',
    },
    unit: 'percent',
    direction: 'up',
    kind: 'survey',
    // Concept line 102: 89.5% (2019), 75.4% (2020), 76.8% (2021), 74.6% (2022).
    baseline: { year: 2022, value: 74.6 },
    target: { year: 2028, value: 84 },
    source: {
      kk: 'Ұлттық статистика бюросының жылына екі рет жүргізілетін сауалнамасы',
      ru: 'Опрос Бюро национальной статистики, дважды в год',
      en: 'Survey of the Bureau of National Statistics, twice a year',
    },
    method: WILSON,
    conceptLine: 628,
  },
  {
    id: 'police-effectiveness',
    name: {
      kk: 'Полиция жұмысының тиімділігін бағалау',
      ru: 'Оценка эффективности работы полиции',
      en: 'Assessment of police effectiveness',
    },
    unit: 'percent',
    direction: 'up',
    kind: 'survey',
    baseline: null,
    target: { year: 2028, value: 68 },
    source: {
      kk: 'Жоғары аудиторлық палатаның жыл сайынғы әлеуметтанулық сауалнамасы',
      ru: 'Ежегодный социологический опрос Высшей аудиторской палаты',
      en: 'Annual sociological survey of the Supreme Audit Chamber',
    },
    method: WILSON,
    conceptLine: 631,
  },
];

/**
 * Wilson's score interval for a binomial proportion (Wilson 1927; recommended over the Wald
 * interval by Brown, Cai & DasGupta 2001), as percentages. z = 1.959964 for 95%.
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959964): { low: number; high: number } {
  if (trials <= 0) throw new RangeError('no trials');
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const denominator = 1 + z2 / trials;
  return { low: (100 * (centre - spread)) / denominator, high: (100 * (centre + spread)) / denominator };
}
