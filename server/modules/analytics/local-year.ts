import { KAZAKHSTAN_ZONE } from '../../../common/time.js';

/** Kazakhstan's statistics count years in local time; Almaty's zone stands for the country. */
export const COUNTRY_ZONE = KAZAKHSTAN_ZONE;

function offsetMinutes(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant local midnight begins a day in the zone (read from the IANA rules, not a fixed offset); `month` is 1–12. */
export function dayStart(year: number, month: number, day: number, timeZone = COUNTRY_ZONE): Date {
  const utcMidnight = new Date(Date.UTC(year, month - 1, day));
  return new Date(utcMidnight.getTime() - offsetMinutes(utcMidnight, timeZone) * 60_000);
}

/** The instant local midnight of 1 January begins `year` in the zone. */
export function yearStart(year: number, timeZone = COUNTRY_ZONE): Date {
  return dayStart(year, 1, 1, timeZone);
}

/** The local calendar date of an instant in the zone. */
export function localDate(at: Date, timeZone = COUNTRY_ZONE): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(
    at,
  );
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** [1 January of `year`, 1 January of the next) in local time. */
export function localYear(year: number, timeZone = COUNTRY_ZONE): { from: Date; to: Date } {
  return { from: yearStart(year, timeZone), to: yearStart(year + 1, timeZone) };
}
