/**
 * Times are stored in UTC and shown in the record's region's IANA zone. Kazakhstan had two
 * offsets until 1 March 2024 (UTC+6 in most regions, UTC+5 in the west) and one (UTC+5) since;
 * the zone database knows this, so nothing here hard-codes an offset.
 */

/** The country's calendar, for days that belong to no one region (a decision's day, the report's year). */
export const KAZAKHSTAN_ZONE = 'Asia/Almaty';

export function offsetAt(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  // "GMT+06:00" → "+06:00"; "GMT" alone means UTC.
  return part && part !== 'GMT' ? part.replace('GMT', '') : '+00:00';
}

/** ISO 8601 local time with its offset, e.g. 2023-06-01T18:00:00+06:00. */
export function toLocalIso(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offsetAt(instant, timeZone)}`;
}
