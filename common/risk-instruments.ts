/**
 * The domestic-violence risk questionnaire an officer fills in with the victim, shared by the
 * server (which scores and stores it) and the web (which asks it).
 *
 * Modelled on published instruments, with the questions written afresh in our own words (the
 * original wording is copyrighted):
 * - SafeLives, DASH Risk Identification Checklist (Domestic Abuse, Stalking and Harassment and
 *   Honour-Based Violence), 2009: the 27 topics and the 14 / 10 thresholds.
 * - College of Policing, DARA (Domestic Abuse Risk Assessment), 2022: more weight on coercive
 *   control, hence the separate control and isolation questions.
 * - J. C. Campbell, Danger Assessment, 1986 (revised 2003): strangulation, weapons, threats to
 *   kill and separation as markers of lethal risk — the reasons for professional judgement.
 * - N. Z. Hilton et al., ODARA (Ontario Domestic Assault Risk Assessment), 2004: criminal
 *   history, breaches of orders, substance use and children in the household.
 * Published studies find all of these weakly predictive on their own, so outcomes are recorded
 * against each case to validate this version on local data later. Changing a question means a
 * new version: stored assessments keep the version they were made with.
 */
import type { Language } from './roles.js';

export const RISK_GRADES = ['standard', 'medium', 'high'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Where the officer learned the answer. */
export const ANSWER_SOURCES = ['victim', 'officer-observation', 'records', 'other-agency'] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

export interface RiskQuestion {
  id: string;
  text: Record<Language, string>;
}

export interface RiskInstrument {
  id: string;
  version: string;
  /** Number of "yes" answers at or above which the score grade is high / medium. */
  thresholds: { high: number; medium: number };
  questions: readonly RiskQuestion[];
}

const q = (id: string, kk: string, ru: string, en: string): RiskQuestion => ({ id, text: { kk, ru, en } });

export const DV_RISK_INSTRUMENT: RiskInstrument = {
  id: 'aman-dv-risk',
  version: '1',
  thresholds: { high: 14, medium: 10 },
  questions: [
    q(
      'injury',
      'Осы жолғы оқиғада жәбірленуші жарақат алды ма?',
      'Получила ли пострадавшая травмы в этот раз?',
      'Was the victim hurt in this incident?',
    ),
    q(
      'frightened',
      'Жәбірленуші қазір қатты қорқып отыр ма?',
      'Сильно ли пострадавшая напугана сейчас?',
      'Is the victim badly frightened right now?',
    ),
    q(
      'fears-worse',
      'Жәбірленуші одан да ауыр зиян немесе өлім қаупінен қорқа ма?',
      'Боится ли пострадавшая более тяжёлого вреда или гибели?',
      'Does the victim fear worse harm, or being killed?',
    ),
    q(
      'isolated',
      'Ол жәбірленушіні туыстарынан немесе достарынан алшақтата ма?',
      'Отдаляет ли он пострадавшую от родных или друзей?',
      'Does the abuser keep the victim away from family or friends?',
    ),
    q(
      'victim-despair',
      'Жәбірленуші күйзеліске түсті ме немесе өз-өзіне қол жұмсау туралы ойлай ма?',
      'Находится ли пострадавшая в депрессии или думает о самоубийстве?',
      'Is the victim depressed, or thinking of ending their life?',
    ),
    q(
      'separation',
      'Жақында ажырасты ма немесе ажырасуға әрекеттенді ме?',
      'Было ли недавно расставание или попытка расстаться?',
      'Have they recently separated, or has the victim tried to leave?',
    ),
    q(
      'child-contact',
      'Балалармен кездесу туралы дау бар ма?',
      'Есть ли конфликт из-за встреч с детьми?',
      'Is there conflict over contact with the children?',
    ),
    q(
      'stalking',
      'Ол жәбірленушіні аңдый ма, қудалай ма, үнемі хабарласып мазалай ма?',
      'Следит ли он за пострадавшей, преследует, донимает звонками и сообщениями?',
      'Does the abuser follow, watch or keep contacting the victim against their wishes?',
    ),
    q(
      'pregnancy',
      'Жәбірленуші жүкті ме немесе соңғы жылы босанды ма?',
      'Беременна ли пострадавшая или родила ли в последний год?',
      'Is the victim pregnant, or did they give birth in the last year?',
    ),
    q(
      'children-in-home',
      'Үйде балалар, оның ішінде оның өз баласы емес балалар бар ма?',
      'Живут ли в доме дети, в том числе не его родные?',
      'Do children live in the home, including children who are not the abuser’s own?',
    ),
    q(
      'children-hurt',
      'Ол балаларға дене немесе басқа зиян келтірді ме?',
      'Причинял ли он вред детям?',
      'Has the abuser ever harmed the children?',
    ),
    q(
      'children-threatened',
      'Ол балаларға зиян келтіремін деп қорқытты ма?',
      'Угрожал ли он причинить вред детям?',
      'Has the abuser threatened to harm the children?',
    ),
    q('worsening', 'Зорлық-зомбылық ауырлап бара ма?', 'Становится ли насилие тяжелее?', 'Is the violence getting more serious?'),
    q('more-often', 'Зорлық-зомбылық жиілеп бара ма?', 'Случается ли насилие всё чаще?', 'Is the violence happening more often?'),
    q(
      'control-jealousy',
      'Ол қызғаныштан бәрін бақылауға, шешімдерді өзі қабылдауға тырыса ма?',
      'Пытается ли он из ревности контролировать всё и решать за неё?',
      'Does the abuser try to control what the victim does, out of jealousy or otherwise?',
    ),
    q(
      'weapon',
      'Ол қару немесе зат қолданып зиян келтірді ме?',
      'Применял ли он оружие или предметы, чтобы причинить вред?',
      'Has the abuser used a weapon or an object to cause harm?',
    ),
    q(
      'threat-to-kill',
      'Ол жәбірленушіні немесе басқа біреуді өлтіремін деп қорқытты ма?',
      'Угрожал ли он убить пострадавшую или кого-то ещё?',
      'Has the abuser threatened to kill the victim or anyone else?',
    ),
    q(
      'strangulation',
      'Ол тұншықтырды ма, буындырды ма немесе тыныс алуға кедергі жасады ма?',
      'Душил ли он, перекрывал ли дыхание?',
      'Has the abuser choked, strangled or otherwise stopped the victim breathing?',
    ),
    q(
      'sexual-abuse',
      'Жыныстық зорлық немесе мәжбүрлеу болды ма?',
      'Было ли сексуальное насилие или принуждение?',
      'Has there been sexual violence or coercion?',
    ),
    q(
      'others-threaten',
      'Басқа адамдар (туыстар) жәбірленушіге «ар-намыс» үшін қауіп төндіре ме?',
      'Угрожают ли пострадавшей другие люди (родственники), в том числе «ради чести семьи»?',
      'Do other people, such as relatives, threaten the victim, including in the name of family honour?',
    ),
    q(
      'hurt-others',
      'Ол басқа адамдарға зиян келтірген бе?',
      'Причинял ли он вред другим людям?',
      'Has the abuser hurt anyone else?',
    ),
    q(
      'hurt-animals',
      'Ол үй жануарларына қатыгездік көрсетті ме?',
      'Проявлял ли он жестокость к домашним животным?',
      'Has the abuser been cruel to a pet or other animal?',
    ),
    q(
      'money',
      'Ақша мәселесі бар ма немесе ол ақшаны бақылай ма, жұмыссыз ба?',
      'Есть ли денежные проблемы, контролирует ли он деньги, без работы ли он?',
      'Are there money problems, does the abuser control the money, or are they out of work?',
    ),
    q(
      'substances',
      'Оның ішімдікке, есірткіге немесе дәрілерге тәуелділігі бар ма?',
      'Есть ли у него проблемы с алкоголем, наркотиками или лекарствами?',
      'Does the abuser have problems with alcohol, drugs or medication?',
    ),
    q(
      'abuser-suicide',
      'Ол өз-өзіне қол жұмсаймын деп қорқытты ма немесе әрекеттенді ме?',
      'Угрожал ли он покончить с собой или пытался ли?',
      'Has the abuser threatened or tried to take their own life?',
    ),
    q(
      'breach',
      'Ол қорғау нұсқамасын, сот талаптарын немесе уағдаластықты бұзды ма?',
      'Нарушал ли он защитное предписание, требования суда или договорённости?',
      'Has the abuser broken a protection order, court requirements or an agreement?',
    ),
    q(
      'criminal-history',
      'Оның бұрын полициямен проблемалары немесе соттылығы болды ма?',
      'Были ли у него ранее проблемы с полицией или судимости?',
      'Has the abuser been in trouble with the police before, or been convicted?',
    ),
  ],
};

export const RISK_INSTRUMENTS = [DV_RISK_INSTRUMENT] as const;

/** The stored name of an instrument's version, e.g. `aman-dv-risk@1`. */
export function instrumentVersion(instrument: RiskInstrument): string {
  return `${instrument.id}@${instrument.version}`;
}

const rank = (grade: RiskGrade) => RISK_GRADES.indexOf(grade);

/** The grade the answers give by themselves: only "yes" counts; "unknown" is not a "yes". */
export function scoreGrade(instrument: RiskInstrument, yesCount: number): RiskGrade {
  if (yesCount >= instrument.thresholds.high) return 'high';
  if (yesCount >= instrument.thresholds.medium) return 'medium';
  return 'standard';
}

/** The higher of two grades. */
export function higherGrade(a: RiskGrade, b: RiskGrade): RiskGrade {
  return rank(a) >= rank(b) ? a : b;
}

/** Is `a` strictly lower than `b`? */
export function isLowerGrade(a: RiskGrade, b: RiskGrade): boolean {
  return rank(a) < rank(b);
}
