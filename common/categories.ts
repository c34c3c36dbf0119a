/**
 * The one catalogue of offence and report categories. Every module (intake, triage, the open
 * data API, Open311, analytics, the National Report) speaks these codes; nothing else invents one.
 *
 * Codes follow the data.police.uk slugs where one fits, so the open-data API can answer in that
 * model; the rest cover what the 2024–2028 concept singles out for Kazakhstan (fraud and internet
 * fraud, domestic violence, offences against children, livestock and mobile-phone theft, false
 * terrorism reports, drunk driving, road safety).
 */

export const CATEGORY_CODES = [
  // crime
  'burglary',
  'robbery',
  'vehicle-crime',
  'violent-crime',
  'other-theft',
  'theft-from-the-person',
  'shoplifting',
  'bicycle-theft',
  'phone-theft',
  'livestock-theft',
  'fraud',
  'internet-fraud',
  'cyber-crime',
  'drugs',
  'public-order',
  'criminal-damage-arson',
  'possession-of-weapons',
  'domestic-violence',
  'sexual-offences',
  'offences-against-children',
  'human-trafficking',
  'terror-threat',
  'other-crime',
  // administrative
  'anti-social-behaviour',
  'noise',
  'illegal-alcohol-sale',
  'illegal-migration',
  // road
  'road-accident',
  'drunk-driving',
  'dangerous-driving',
  'road-hazard',
  // emergency
  'emergency-sos',
  'missing-person',
  'camera-alert',
  // service
  'lost-documents',
] as const;

export type CategoryCode = (typeof CATEGORY_CODES)[number];

export type CategoryGroup = 'crime' | 'administrative' | 'emergency' | 'road' | 'service';

/** The street-level crime categories of data.police.uk that our codes map onto. */
export type PoliceUkCategory =
  | 'anti-social-behaviour'
  | 'bicycle-theft'
  | 'burglary'
  | 'criminal-damage-arson'
  | 'drugs'
  | 'other-theft'
  | 'possession-of-weapons'
  | 'public-order'
  | 'robbery'
  | 'shoplifting'
  | 'theft-from-the-person'
  | 'vehicle-crime'
  | 'violent-crime'
  | 'other-crime';

export interface Category {
  code: CategoryCode;
  names: { kk: string; ru: string; en: string };
  group: CategoryGroup;
  /** A citizen may pick it when reporting; camera alerts, for one, come only from machines. */
  citizenReportable: boolean;
  /** Offered as an Open311 service. Only non-emergency matters a third-party app may file. */
  open311: boolean;
  /**
   * Domestic violence, sexual offences, offences against children: never shown as points in
   * public, only as area counts with small counts suppressed, because a point can name a victim.
   */
  sensitive: boolean;
  /** 1 is the most urgent: a threat to life or an offence still in progress. */
  defaultPriority: 1 | 2 | 3 | 4;
  /** The data.police.uk slug for the open-data API; null when that model has no such crime. */
  policeUk: PoliceUkCategory | null;
}

type Definition = Omit<Category, 'code'>;

// A mapped type, so a code without a definition (or a definition without a code) fails to compile.
const DEFINITIONS: { readonly [C in CategoryCode]: Definition } = {
  burglary: {
    names: {
      kk: 'Тұрғын үйге немесе үй-жайға кіріп ұрлау',
      ru: 'Кража с проникновением в жилище или помещение',
      en: 'Burglary',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 2,
    policeUk: 'burglary',
  },
  robbery: {
    names: { kk: 'Тонау және қарақшылық', ru: 'Грабёж и разбой', en: 'Robbery' },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 1,
    policeUk: 'robbery',
  },
  'vehicle-crime': {
    names: {
      kk: 'Көлік ұрлығы және көліктен ұрлау',
      ru: 'Угон и кража автомобиля, кража из автомобиля',
      en: 'Vehicle crime',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 2,
    policeUk: 'vehicle-crime',
  },
  'violent-crime': {
    names: {
      kk: 'Жеке адамға қарсы зорлық-зомбылық қылмыстары',
      ru: 'Насильственные преступления против личности',
      en: 'Violent crime',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 1,
    policeUk: 'violent-crime',
  },
  'other-theft': {
    names: { kk: 'Басқа ұрлықтар', ru: 'Прочие кражи', en: 'Other theft' },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'other-theft',
  },
  'theft-from-the-person': {
    names: {
      kk: 'Адамның өзінен ұрлау (қалта ұрлығы)',
      ru: 'Кража у человека (карманная кража)',
      en: 'Theft from the person',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'theft-from-the-person',
  },
  shoplifting: {
    names: { kk: 'Дүкеннен ұрлау', ru: 'Кража из магазина', en: 'Shoplifting' },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'shoplifting',
  },
  'bicycle-theft': {
    names: { kk: 'Велосипед ұрлығы', ru: 'Кража велосипеда', en: 'Bicycle theft' },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'bicycle-theft',
  },
  // Its own code because the concept counts it apart (every fourth theft) and the IMEI registry
  // acts on it; most are snatched or pickpocketed, hence the police.uk mapping.
  'phone-theft': {
    names: {
      kk: 'Ұялы телефон ұрлығы',
      ru: 'Кража мобильного телефона',
      en: 'Mobile phone theft',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'theft-from-the-person',
  },
  // Urgent, unlike other thefts: herds are driven off and slaughtered within days (concept, §2.2).
  'livestock-theft': {
    names: { kk: 'Мал ұрлығы', ru: 'Кража скота', en: 'Livestock theft' },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 2,
    policeUk: 'other-theft',
  },
  fraud: {
    names: { kk: 'Алаяқтық', ru: 'Мошенничество', en: 'Fraud' },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'other-crime',
  },
  // Priority 2: a transfer reported within hours can still be frozen by the bank.
  'internet-fraud': {
    names: {
      kk: 'Интернет және телефон алаяқтығы',
      ru: 'Интернет- и телефонное мошенничество',
      en: 'Internet and phone fraud',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 2,
    policeUk: 'other-crime',
  },
  'cyber-crime': {
    names: {
      kk: 'Киберқылмыс (ақпаратқа заңсыз қол жеткізу)',
      ru: 'Киберпреступление (неправомерный доступ к информации)',
      en: 'Cyber crime (hacking, unauthorised access)',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'other-crime',
  },
  // Open311 too: drug-shop graffiti, QR codes and stash spots are non-emergency tips (concept, §2.1).
  drugs: {
    names: { kk: 'Есірткі қылмыстары', ru: 'Преступления, связанные с наркотиками', en: 'Drugs' },
    group: 'crime',
    citizenReportable: true,
    open311: true,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'drugs',
  },
  'public-order': {
    names: {
      kk: 'Қоғамдық тәртіпті бұзу, бұзақылық',
      ru: 'Нарушение общественного порядка, хулиганство',
      en: 'Public order offences',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 2,
    policeUk: 'public-order',
  },
  'criminal-damage-arson': {
    names: {
      kk: 'Мүлікті бүлдіру және өртеу',
      ru: 'Повреждение имущества и поджог',
      en: 'Criminal damage and arson',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 2,
    policeUk: 'criminal-damage-arson',
  },
  'possession-of-weapons': {
    names: {
      kk: 'Қаруды заңсыз сақтау және алып жүру',
      ru: 'Незаконное хранение и ношение оружия',
      en: 'Possession of weapons',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 2,
    policeUk: 'possession-of-weapons',
  },
  'domestic-violence': {
    names: { kk: 'Тұрмыстық зорлық-зомбылық', ru: 'Бытовое насилие', en: 'Domestic violence' },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: true,
    defaultPriority: 1,
    policeUk: 'violent-crime',
  },
  'sexual-offences': {
    names: {
      kk: 'Жыныстық сипаттағы қылмыстар',
      ru: 'Преступления против половой неприкосновенности',
      en: 'Sexual offences',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: true,
    defaultPriority: 1,
    policeUk: 'violent-crime',
  },
  'offences-against-children': {
    names: {
      kk: 'Балаларға қатысты қылмыстар',
      ru: 'Преступления против детей',
      en: 'Offences against children',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: true,
    defaultPriority: 1,
    policeUk: 'violent-crime',
  },
  'human-trafficking': {
    names: { kk: 'Адам саудасы', ru: 'Торговля людьми', en: 'Human trafficking' },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 2,
    policeUk: 'other-crime',
  },
  // Most are hoaxes (the concept counts the false ones), but none is known false when it arrives.
  'terror-threat': {
    names: {
      kk: 'Терроризм актісі туралы хабарлама, оның ішінде жалған',
      ru: 'Сообщение об акте терроризма, в том числе ложное',
      en: 'Terrorist threat, including hoaxes',
    },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 1,
    policeUk: 'other-crime',
  },
  'other-crime': {
    names: { kk: 'Басқа қылмыстар', ru: 'Прочие преступления', en: 'Other crime' },
    group: 'crime',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'other-crime',
  },
  'anti-social-behaviour': {
    names: {
      kk: 'Қоғамға жат мінез-құлық',
      ru: 'Антиобщественное поведение',
      en: 'Anti-social behaviour',
    },
    group: 'administrative',
    citizenReportable: true,
    open311: true,
    sensitive: false,
    defaultPriority: 3,
    policeUk: 'anti-social-behaviour',
  },
  noise: {
    names: {
      kk: 'Шу және тыныштықты бұзу',
      ru: 'Шум и нарушение тишины',
      en: 'Noise and disturbance of the peace',
    },
    group: 'administrative',
    citizenReportable: true,
    open311: true,
    sensitive: false,
    defaultPriority: 4,
    policeUk: 'anti-social-behaviour',
  },
  // Night and under-age sales through delivery services: concept, task 7.
  'illegal-alcohol-sale': {
    names: {
      kk: 'Алкогольді заңсыз сату',
      ru: 'Незаконная продажа алкоголя',
      en: 'Illegal sale of alcohol',
    },
    group: 'administrative',
    citizenReportable: true,
    open311: true,
    sensitive: false,
    defaultPriority: 4,
    policeUk: null,
  },
  'illegal-migration': {
    names: {
      kk: 'Көші-қон заңнамасын бұзу',
      ru: 'Нарушение миграционного законодательства',
      en: 'Breach of migration law',
    },
    group: 'administrative',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 4,
    policeUk: null,
  },
  'road-accident': {
    names: {
      kk: 'Жол-көлік оқиғасы',
      ru: 'Дорожно-транспортное происшествие',
      en: 'Road traffic accident',
    },
    group: 'road',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 1,
    policeUk: null,
  },
  'drunk-driving': {
    names: {
      kk: 'Мас күйінде көлік жүргізу',
      ru: 'Управление транспортом в состоянии опьянения',
      en: 'Drink or drug driving',
    },
    group: 'road',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 1,
    policeUk: null,
  },
  // Filed after the fact with a dashcam clip, so it suits Open311; a driver on the road now is
  // reported as drunk-driving or through 102.
  'dangerous-driving': {
    names: {
      kk: 'Жол жүрісі қағидаларын қауіпті бұзу',
      ru: 'Опасное нарушение правил дорожного движения',
      en: 'Dangerous driving',
    },
    group: 'road',
    citizenReportable: true,
    open311: true,
    sensitive: false,
    defaultPriority: 3,
    policeUk: null,
  },
  'road-hazard': {
    names: {
      kk: 'Жолдағы қауіп (шұңқыр, жарық немесе белгі жоқ)',
      ru: 'Опасность на дороге (яма, нет освещения или знака)',
      en: 'Road hazard (pothole, no lighting or sign)',
    },
    group: 'road',
    citizenReportable: true,
    open311: true,
    sensitive: false,
    defaultPriority: 4,
    policeUk: null,
  },
  'emergency-sos': {
    names: { kk: 'Шұғыл шақыру (SOS)', ru: 'Экстренный вызов (SOS)', en: 'Emergency call (SOS)' },
    group: 'emergency',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 1,
    policeUk: null,
  },
  'missing-person': {
    names: {
      kk: 'Хабар-ошарсыз кеткен адам',
      ru: 'Безвестно пропавший человек',
      en: 'Missing person',
    },
    group: 'emergency',
    citizenReportable: true,
    open311: false,
    sensitive: false,
    defaultPriority: 1,
    policeUk: null,
  },
  'camera-alert': {
    names: {
      kk: 'Бейнебақылау камерасының дабылы',
      ru: 'Сигнал камеры видеонаблюдения',
      en: 'Camera alert',
    },
    group: 'emergency',
    citizenReportable: false,
    open311: false,
    sensitive: false,
    defaultPriority: 2,
    policeUk: null,
  },
  'lost-documents': {
    names: { kk: 'Құжаттарды жоғалту', ru: 'Утеря документов', en: 'Lost documents' },
    group: 'service',
    citizenReportable: true,
    open311: true,
    sensitive: false,
    defaultPriority: 4,
    policeUk: null,
  },
};

export const CATEGORIES: readonly Category[] = Object.freeze(
  CATEGORY_CODES.map((code) => Object.freeze({ code, ...DEFINITIONS[code] })),
);

const BY_CODE: ReadonlyMap<string, Category> = new Map(CATEGORIES.map((c) => [c.code, c]));

export function isCategoryCode(value: unknown): value is CategoryCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** The category of a code; for a string that is not a code, undefined. */
export function categoryByCode(code: CategoryCode): Category;
export function categoryByCode(code: string): Category | undefined;
export function categoryByCode(code: string): Category | undefined {
  return BY_CODE.get(code);
}

/** The categories that are crimes (offences under the Criminal Code), as the reports count them. */
export const CRIME_CATEGORY_CODES: readonly CategoryCode[] = CATEGORIES.filter((c) => c.group === 'crime').map((c) => c.code);
