/**
 * The kinds of preventive register and the law each rests on, in one place so a change in the
 * law is one edit (as server/modules/prevention/order-terms.ts is for protection orders). An
 * entry may never run longer than `maxMonths` from its start, however often it is extended; a
 * review falls due every `reviewMonths` at the latest.
 *
 * The laws of the Republic of Kazakhstan cited:
 * - Law of 15 July 1996 No. 28-I "On administrative supervision of persons released from places
 *   of deprivation of liberty": the court sets supervision for a term (art. 5) of at most three
 *   years, and never beyond the day the conviction is spent — which the court's ruling states.
 * - Law of 29 April 2010 No. 271-IV "On the prevention of offences": individual prevention
 *   (preventive control and registration by the internal affairs bodies) of persons released from
 *   prison, repeat administrative offenders and people referred for treatment of alcohol
 *   dependence; this register keeps them for a year at most, then a new decision is needed.
 * - Law of 9 July 2004 No. 591-II "On the prevention of offences among minors and the prevention
 *   of child neglect and homelessness": juveniles and families in a socially dangerous position,
 *   until the juvenile turns eighteen and a year at most.
 */
export const REGISTER_KINDS = {
  'administrative-supervision': { law: 'administrative-supervision', maxMonths: 36, reviewMonths: 6, juvenile: false },
  'released-prisoner': { law: 'prevention-of-offences', maxMonths: 12, reviewMonths: 3, juvenile: false },
  'repeat-administrative-offender': { law: 'prevention-of-offences', maxMonths: 12, reviewMonths: 3, juvenile: false },
  'alcohol-treatment': { law: 'prevention-of-offences', maxMonths: 12, reviewMonths: 3, juvenile: false },
  juvenile: { law: 'juvenile-delinquency', maxMonths: 12, reviewMonths: 3, juvenile: true },
  'family-in-difficulty': { law: 'juvenile-delinquency', maxMonths: 12, reviewMonths: 3, juvenile: false },
} as const;

export type RegisterKind = keyof typeof REGISTER_KINDS;
export const REGISTER_KIND_NAMES = Object.keys(REGISTER_KINDS) as RegisterKind[];

export type RegisterLaw = (typeof REGISTER_KINDS)[RegisterKind]['law'];

/** The statutes in words, in each interface language, as they are stored with every entry. */
export const REGISTER_LAWS: Record<RegisterLaw, { kk: string; ru: string; en: string }> = {
  'administrative-supervision': {
    kk: '«Бас бостандығынан айыру орындарынан босатылған адамдарды әкімшілік қадағалау туралы» ҚР 1996 жылғы 15 шілдедегі № 28-I Заңы',
    ru: 'Закон РК от 15 июля 1996 года № 28-I «Об административном надзоре за лицами, освобождёнными из мест лишения свободы»',
    en: 'Law of the Republic of Kazakhstan of 15 July 1996 No. 28-I "On administrative supervision of persons released from places of deprivation of liberty"',
  },
  'prevention-of-offences': {
    kk: '«Құқық бұзушылық профилактикасы туралы» ҚР 2010 жылғы 29 сәуірдегі № 271-IV Заңы',
    ru: 'Закон РК от 29 апреля 2010 года № 271-IV «О профилактике правонарушений»',
    en: 'Law of the Republic of Kazakhstan of 29 April 2010 No. 271-IV "On the prevention of offences"',
  },
  'juvenile-delinquency': {
    kk: '«Кәмелетке толмағандар арасындағы құқық бұзушылықтың профилактикасы мен балалардың қадағалаусыз және панасыз қалуының алдын алу туралы» ҚР 2004 жылғы 9 шілдедегі № 591-II Заңы',
    ru: 'Закон РК от 9 июля 2004 года № 591-II «О профилактике правонарушений среди несовершеннолетних и предупреждении детской безнадзорности и беспризорности»',
    en: 'Law of the Republic of Kazakhstan of 9 July 2004 No. 591-II "On the prevention of offences among minors and the prevention of child neglect and homelessness"',
  },
};

/** Partner agencies an entry may be assigned to (the same agencies as the module's safety plans). */
export const REGISTER_AGENCIES = ['health', 'education', 'social-protection', 'crisis-centre', 'ngo'] as const;
export type RegisterAgency = (typeof REGISTER_AGENCIES)[number];

export const REGISTER_CONTACT_KINDS = ['home-visit', 'call', 'summons', 'partner-meeting'] as const;
export type RegisterContactKind = (typeof REGISTER_CONTACT_KINDS)[number];

export const REGISTER_OUTCOMES = ['met', 'not-at-home', 'refused', 'moved-away', 'violation-found'] as const;
export type RegisterOutcome = (typeof REGISTER_OUTCOMES)[number];
