import { CATEGORIES, type PoliceUkCategory } from '../../../common/categories.js';
import type { Language } from '../../../common/roles.js';
import type { Names } from '../geo/index.js';

/** data.police.uk's street-level categories, in the order its crime-categories method lists them. */
export const STREET_CATEGORIES: readonly PoliceUkCategory[] = [
  'anti-social-behaviour',
  'bicycle-theft',
  'burglary',
  'criminal-damage-arson',
  'drugs',
  'other-theft',
  'possession-of-weapons',
  'public-order',
  'robbery',
  'shoplifting',
  'theft-from-the-person',
  'vehicle-crime',
  'violent-crime',
  'other-crime',
];

export const ALL_CRIME = 'all-crime';

/** Categories that are only ever published as district counts, under their own codes. */
export const SENSITIVE_CATEGORIES: readonly string[] = CATEGORIES.filter((c) => c.sensitive).map((c) => c.code);

const CATEGORY_NAMES: Record<PoliceUkCategory | typeof ALL_CRIME, Names> = {
  'all-crime': { kk: 'Барлық қылмыстар', ru: 'Все преступления', en: 'All crime' },
  'anti-social-behaviour': { kk: 'Қоғамға жат мінез-құлық', ru: 'Антиобщественное поведение', en: 'Anti-social behaviour' },
  'bicycle-theft': { kk: 'Велосипед ұрлығы', ru: 'Кража велосипеда', en: 'Bicycle theft' },
  burglary: { kk: 'Үй-жайға кіріп ұрлау', ru: 'Кража с проникновением', en: 'Burglary' },
  'criminal-damage-arson': {
    kk: 'Мүлікті бүлдіру және өртеу',
    ru: 'Повреждение имущества и поджог',
    en: 'Criminal damage and arson',
  },
  drugs: { kk: 'Есірткі', ru: 'Наркотики', en: 'Drugs' },
  'other-theft': { kk: 'Басқа ұрлықтар', ru: 'Прочие кражи', en: 'Other theft' },
  'possession-of-weapons': { kk: 'Қаруды заңсыз сақтау', ru: 'Незаконное хранение оружия', en: 'Possession of weapons' },
  'public-order': { kk: 'Қоғамдық тәртіпті бұзу', ru: 'Нарушение общественного порядка', en: 'Public order' },
  robbery: { kk: 'Тонау және қарақшылық', ru: 'Грабёж и разбой', en: 'Robbery' },
  shoplifting: { kk: 'Дүкеннен ұрлау', ru: 'Кража из магазина', en: 'Shoplifting' },
  'theft-from-the-person': { kk: 'Адамның өзінен ұрлау', ru: 'Кража у человека', en: 'Theft from the person' },
  'vehicle-crime': { kk: 'Көлікке қатысты қылмыстар', ru: 'Преступления, связанные с автомобилями', en: 'Vehicle crime' },
  // Not police.uk's "Violence and sexual offences": sexual offences are published only as district counts.
  'violent-crime': { kk: 'Зорлық-зомбылық қылмыстары', ru: 'Насильственные преступления', en: 'Violent crime' },
  'other-crime': { kk: 'Басқа қылмыстар', ru: 'Прочие преступления', en: 'Other crime' },
};

export function isStreetCategory(value: string): value is PoliceUkCategory {
  return (STREET_CATEGORIES as readonly string[]).includes(value);
}

/** crime-categories: `all-crime` first, then the street-level categories. */
export function crimeCategories(language: Language): { url: string; name: string }[] {
  return ([ALL_CRIME, ...STREET_CATEGORIES] as const).map((url) => ({ url, name: CATEGORY_NAMES[url][language] }));
}

export type OutcomeCode = 'under-investigation' | 'action-taken' | 'investigation-complete';

const OUTCOME_NAMES: Record<OutcomeCode, Names> = {
  'under-investigation': { kk: 'Тергеу жүргізілуде', ru: 'Идёт расследование', en: 'Under investigation' },
  'action-taken': { kk: 'Шара қолданылды', ru: 'Меры приняты', en: 'Action taken' },
  'investigation-complete': { kk: 'Тексеру аяқталды', ru: 'Проверка завершена', en: 'Investigation complete' },
};

/** The outcome an incident's status stands for at publication; null for a status with none. */
export function outcomeOf(status: string): OutcomeCode | null {
  switch (status) {
    case 'triaged':
    case 'dispatched':
    case 'en_route':
    case 'on_scene':
      return 'under-investigation';
    case 'resolved':
      return 'action-taken';
    case 'closed':
      return 'investigation-complete';
    default:
      return null;
  }
}

export function outcomeName(code: string, language: Language): string {
  return OUTCOME_NAMES[code as OutcomeCode]?.[language] ?? code;
}

/** The "on or near" name of an anonymous map point, from the name of the area around it. */
export function onOrNear(area: Names): Names {
  return { kk: `${area.kk} маңында`, ru: `Рядом: ${area.ru}`, en: `On or near ${area.en}` };
}
