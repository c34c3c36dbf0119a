import { REGISTER_KINDS, type RegisterKind } from './register-kinds.js';

/**
 * Day arithmetic of the preventive registers, shared so the entry form can say the latest end
 * day the server will accept. Register dates are calendar days (YYYY-MM-DD), not instants.
 */
export type Day = string;

const DAY_MS = 86_400_000;

export function dayToDate(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function dateToDay(at: Date): Day {
  return at.toISOString().slice(0, 10);
}

/** The day it is at `at` in the zone: an inspector's "today" ends at local midnight, not UTC's. */
export function localDay(at: Date, timeZone: string): Day {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function addDays(day: Day, days: number): Day {
  return dateToDay(new Date(dayToDate(day).getTime() + days * DAY_MS));
}

/** The same day `months` later, or that month's last day when it is shorter (31 January + 1 = 28 February). */
export function addMonthsToDay(day: Day, months: number): Day {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return dateToDay(target);
}

/**
 * The birth date an IIN encodes: YYMMDD, then a digit whose pair gives the century (1–2: 1800s,
 * 3–4: 1900s, 5–6: 2000s). Undefined when the digits do not make a date.
 */
export function birthDayFromIin(iin: string): Day | undefined {
  const century = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 }[iin[6] ?? ''];
  if (century === undefined) return undefined;
  const day = `${century + Number(iin.slice(0, 2))}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  const date = dayToDate(day);
  return !Number.isNaN(date.getTime()) && dateToDay(date) === day ? day : undefined;
}

/**
 * The last day the basis allows an entry started on `start` to run: the kind's maximum term
 * from the start, and for a juvenile also the day before their eighteenth birthday.
 */
export function latestEndDay(kind: RegisterKind, start: Day, iin: string | undefined): Day {
  const rule = REGISTER_KINDS[kind];
  let last = addDays(addMonthsToDay(start, rule.maxMonths), -1);
  const born = rule.juvenile && iin ? birthDayFromIin(iin) : undefined;
  if (born) {
    const adult = addDays(addMonthsToDay(born, 18 * 12), -1);
    if (adult < last) last = adult;
  }
  return last;
}

/** The latest day the next review may fall on, counted from `from` (the start, or the day of a review). */
export function latestReviewDay(kind: RegisterKind, from: Day): Day {
  return addMonthsToDay(from, REGISTER_KINDS[kind].reviewMonths);
}
