/**
 * Names of the second-level units. The geokz attributes carry bare Kazakh names, adjectival
 * Russian ones and transliterated English ones, with typos and pre-rename forms; the corrections
 * below bring them to the forms in official use (including the districts renamed 2018–2024).
 */
export type DistrictKind = 'city' | 'district' | 'city_district';

interface Base {
  kk: string;
  ru: string;
  en: string;
}

export interface DistrictNames {
  kind: DistrictKind;
  names: Base;
  /** For a city administration, the city's own name. */
  city?: Base;
}

const CITY_REGIONS = new Set(['71', '75', '79']);

/** Base-name fixes by KATO; `ru` of a district is its adjective or the full name where it has none. */
const CORRECTIONS: Record<string, Partial<Base> & { kind?: DistrictKind }> = {
  // geokz files the rural part of Semey's administration under the city's own code.
  '101010000': { en: 'Zhanasemey', kind: 'district' },
  '111800000': { kk: 'Степногорск' },
  '113400000': { ru: 'Аршалынский' },
  '114500000': { ru: 'район Биржан сал' },
  '191000000': { en: 'Konaev' },
  '234800000': { ru: 'Кызылкогинский' },
  '271000000': { en: 'Oral' },
  '274400000': { ru: 'Байтерекский' },
  '275400000': { kk: 'Бөкей ордасы', en: 'Bokey Orda' },
  '315000000': { ru: 'район Турара Рыскулова' },
  '331000000': { kk: 'Талдықорған', ru: 'Талдыкорган' },
  '334800000': { kk: 'Сарқан' },
  '352100000': { kk: 'Приозерск' },
  '352200000': { en: 'Saran' },
  '392400000': { en: 'Rudny' },
  '394200000': { kk: 'Жанкелдин' },
  '396400000': { ru: 'район Беимбета Майлина' },
  '431900000': { ru: 'Байконур', en: 'Baikonur' },
  '435200000': { ru: 'Шиелийский' },
  '554800000': { ru: 'Теренкольский' },
  '555200000': { ru: 'район Аккулы' },
  '591000000': { en: 'Petropavl' },
  '593600000': { ru: 'район Магжана Жумабаева' },
  '595600000': { ru: 'район Шал акына' },
  '596600000': { ru: 'район Габита Мусрепова' },
  '611000000': { en: 'Turkistan' },
  '611600000': { ru: 'Арыс' },
  '613600000': { ru: 'Байдибекский' },
  '631000000': { en: 'Oskemen' },
  '791310000': { kk: 'Әл-Фараби', en: 'Al-Farabi' },
  '791510000': { ru: 'Енбекшинский' },
  '791710000': { ru: 'Каратауский' },
};

/**
 * KATO positions 3–4 below 32 are city administrations (cities of regional significance);
 * 32 and above are districts. In the three cities of republican significance every unit is a
 * city district.
 */
function kindOf(kato: string): DistrictKind {
  if (CITY_REGIONS.has(kato.slice(0, 2))) return 'city_district';
  return Number(kato.slice(2, 4)) < 32 ? 'city' : 'district';
}

export function districtNames(kato: string, source: Base): DistrictNames {
  const fix = CORRECTIONS[kato] ?? {};
  const base = { kk: fix.kk ?? source.kk, ru: fix.ru ?? source.ru, en: fix.en ?? source.en };
  // A Latin letter in Cyrillic text (the source has "Aршалинский", and "Солтүстiк" with a Latin i
  // in the regions) looks right and never matches a search.
  if (/[A-Za-z]/.test(base.kk + base.ru)) throw new Error(`Latin letters in the names of ${kato}: ${base.kk} / ${base.ru}`);
  const kind = fix.kind ?? kindOf(kato);
  if (kind === 'city') {
    return { kind, names: { kk: `${base.kk} қаласы`, ru: `город ${base.ru}`, en: base.en }, city: base };
  }
  const ru = base.ru.startsWith('район ') ? base.ru : `${base.ru} район`;
  return { kind, names: { kk: `${base.kk} ауданы`, ru, en: `${base.en} District` } };
}
