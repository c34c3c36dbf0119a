/** Kazakhstan's statistics count years in local time; Almaty's zone stands for the country. */
export const COUNTRY_ZONE = 'Asia/Almaty';

function offsetMinutes(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant local midnight of 1 January begins `year` in the zone (read from the IANA rules, not a fixed offset). */
export function yearStart(year: number, timeZone = COUNTRY_ZONE): Date {
  const utcMidnight = new Date(Date.UTC(year, 0, 1));
  return new Date(utcMidnight.getTime() - offsetMinutes(utcMidnight, timeZone) * 60_000);
}

/** [1 January of `year`, 1 January of the next) in local time. */
export function localYear(year: number, timeZone = COUNTRY_ZONE): { from: Date; to: Date } {
  return { from: yearStart(year, timeZone), to: yearStart(year + 1, timeZone) };
}
