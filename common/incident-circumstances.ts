/**
 * What staff record about an incident once it is known: the victim's sex and age band, the
 * suspected offender's age band and state, and the kind of place. The National Report's sections
 * on violence against women and children, juveniles, offences under the influence and public
 * places count them. Bands, never birth dates: a band is all the report needs, and it names no one.
 * A field left empty (null) means "not recorded", which the report counts as coverage, never as "no".
 */
type Names = { kk: string; ru: string; en: string };

export const AGE_BANDS = ['under-14', '14-17', '18-64', '65-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Under 18: a child in Kazakhstan's law on the rights of the child, a minor in the Criminal Code. */
export const MINOR_AGE_BANDS: readonly AgeBand[] = ['under-14', '14-17'];

export const VICTIM_SEXES = ['female', 'male'] as const;
export type VictimSex = (typeof VICTIM_SEXES)[number];

export const INTOXICATIONS = ['alcohol', 'drugs', 'none'] as const;
export type Intoxication = (typeof INTOXICATIONS)[number];

export const PLACE_TYPES = [
  'home',
  'street',
  'park',
  'public-transport',
  'shop-or-mall',
  'market',
  'entertainment-venue',
  'education',
  'workplace',
  'online',
  'other',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/** The places the concept calls public: streets, squares and parks, transport, trade and leisure. */
export const PUBLIC_PLACE_TYPES: readonly PlaceType[] = [
  'street',
  'park',
  'public-transport',
  'shop-or-mall',
  'market',
  'entertainment-venue',
];

export interface IncidentCircumstances {
  victimSex: VictimSex | null;
  victimAgeBand: AgeBand | null;
  offenderAgeBand: AgeBand | null;
  offenderIntoxication: Intoxication | null;
  placeType: PlaceType | null;
}

export const CIRCUMSTANCE_FIELDS = [
  'victimSex',
  'victimAgeBand',
  'offenderAgeBand',
  'offenderIntoxication',
  'placeType',
] as const satisfies readonly (keyof IncidentCircumstances)[];
export type CircumstanceField = (typeof CIRCUMSTANCE_FIELDS)[number];

export const NO_CIRCUMSTANCES: IncidentCircumstances = {
  victimSex: null,
  victimAgeBand: null,
  offenderAgeBand: null,
  offenderIntoxication: null,
  placeType: null,
};

export const CIRCUMSTANCE_FIELD_NAMES: Record<CircumstanceField, Names> = {
  victimSex: { kk: 'Жәбірленушінің жынысы', ru: 'Пол потерпевшего', en: 'Victim’s sex' },
  victimAgeBand: { kk: 'Жәбірленушінің жасы', ru: 'Возраст потерпевшего', en: 'Victim’s age' },
  offenderAgeBand: { kk: 'Күдіктінің жасы', ru: 'Возраст подозреваемого', en: 'Suspect’s age' },
  offenderIntoxication: { kk: 'Күдіктінің күйі', ru: 'Состояние подозреваемого', en: 'Suspect’s state' },
  placeType: { kk: 'Оқиға орны', ru: 'Место происшествия', en: 'Type of place' },
};

export const AGE_BAND_NAMES: Record<AgeBand, Names> = {
  'under-14': { kk: '14 жасқа дейін', ru: 'До 14 лет', en: 'Under 14' },
  '14-17': { kk: '14–17 жас', ru: '14–17 лет', en: '14–17' },
  '18-64': { kk: '18–64 жас', ru: '18–64 года', en: '18–64' },
  '65-plus': { kk: '65 және одан жоғары', ru: '65 лет и старше', en: '65 and over' },
};

export const VICTIM_SEX_NAMES: Record<VictimSex, Names> = {
  female: { kk: 'Әйел', ru: 'Женский', en: 'Female' },
  male: { kk: 'Ер', ru: 'Мужской', en: 'Male' },
};

export const INTOXICATION_NAMES: Record<Intoxication, Names> = {
  alcohol: { kk: 'Алкогольдік мастық', ru: 'Алкогольное опьянение', en: 'Under the influence of alcohol' },
  drugs: { kk: 'Есірткілік мастық', ru: 'Наркотическое опьянение', en: 'Under the influence of drugs' },
  none: { kk: 'Мас емес', ru: 'Трезв', en: 'Not under the influence' },
};

export const PLACE_TYPE_NAMES: Record<PlaceType, Names> = {
  home: { kk: 'Тұрғын үй', ru: 'Жилище', en: 'Home' },
  street: { kk: 'Көше, алаң', ru: 'Улица, площадь', en: 'Street or square' },
  park: { kk: 'Саябақ, сквер', ru: 'Парк, сквер', en: 'Park' },
  'public-transport': { kk: 'Қоғамдық көлік, аялдама', ru: 'Общественный транспорт, остановка', en: 'Public transport or stop' },
  'shop-or-mall': { kk: 'Дүкен, сауда орталығы', ru: 'Магазин, торговый центр', en: 'Shop or mall' },
  market: { kk: 'Базар', ru: 'Рынок', en: 'Market' },
  'entertainment-venue': { kk: 'Ойын-сауық орны', ru: 'Развлекательное заведение', en: 'Entertainment venue' },
  education: { kk: 'Білім беру ұйымы', ru: 'Учебное заведение', en: 'School or college' },
  workplace: { kk: 'Жұмыс орны', ru: 'Место работы', en: 'Workplace' },
  online: { kk: 'Интернет', ru: 'Интернет', en: 'Online' },
  other: { kk: 'Басқа орын', ru: 'Другое место', en: 'Other place' },
};

/** The names of a field's values, for forms and reports alike. */
export const CIRCUMSTANCE_VALUE_NAMES: { [F in CircumstanceField]: Record<NonNullable<IncidentCircumstances[F]>, Names> } = {
  victimSex: VICTIM_SEX_NAMES,
  victimAgeBand: AGE_BAND_NAMES,
  offenderAgeBand: AGE_BAND_NAMES,
  offenderIntoxication: INTOXICATION_NAMES,
  placeType: PLACE_TYPE_NAMES,
};
