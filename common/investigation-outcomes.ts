/**
 * How the pre-trial investigation of a recorded offence ended, as staff record it once decided.
 * The list follows, in spirit, the kinds of final decision in Kazakhstan's Criminal Procedure
 * Code (sending the case to court, ending it on non-exonerating or exonerating grounds, stopping
 * the clock while the offender is unknown); its wording and grouping still need a lawyer's check.
 * No outcome recorded (null) means the investigation goes on or its end is not known here.
 */
type Names = { kk: string; ru: string; en: string };

export const INVESTIGATION_OUTCOMES = [
  'sent-to-court',
  'ended-offender-identified',
  'suspended-no-suspect',
  'no-offence',
] as const;
export type InvestigationOutcome = (typeof INVESTIGATION_OUTCOMES)[number];

/**
 * An offence is cleared ("раскрыто") when the person who did it is identified and the case goes
 * to court or ends without trial on non-exonerating grounds (reconciliation, amnesty, the
 * suspect's death). A suspended case is not cleared, and "no offence" leaves the count altogether.
 */
export const CLEARED_OUTCOMES: readonly InvestigationOutcome[] = ['sent-to-court', 'ended-offender-identified'];

export const INVESTIGATION_OUTCOME_NAMES: Record<InvestigationOutcome, Names> = {
  'sent-to-court': {
    kk: 'Іс сотқа жолданды, жасаған адам анықталды',
    ru: 'Дело направлено в суд, лицо установлено',
    en: 'Sent to court, offender identified',
  },
  'ended-offender-identified': {
    kk: 'Ақтамайтын негізбен тоқтатылды (татуласу, рақымшылық және т.б.)',
    ru: 'Прекращено по нереабилитирующим основаниям (примирение, амнистия и др.)',
    en: 'Ended without trial, offender identified (reconciliation, amnesty, etc.)',
  },
  'suspended-no-suspect': {
    kk: 'Тергеу үзілді: жасаған адам анықталмады',
    ru: 'Расследование прервано: лицо не установлено',
    en: 'Suspended: offender not identified',
  },
  'no-offence': {
    kk: 'Тоқтатылды: құқық бұзушылық оқиғасы не құрамы жоқ',
    ru: 'Прекращено: нет события или состава правонарушения',
    en: 'Ended: no offence took place',
  },
};

export interface RecordedOutcome {
  code: InvestigationOutcome;
  /** The day of the decision, YYYY-MM-DD in Kazakhstan. */
  decidedOn: string;
}
