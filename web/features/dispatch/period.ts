/** A date as the date input writes it (yyyy-mm-dd), in the browser's time zone. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The instants the server counts between for the days chosen, both included: from the first
 * day's local midnight to the midnight after the last day. Null when a date is missing or the
 * last day comes before the first.
 */
export function periodOfDays(firstDay: string, lastDay: string): { from: string; to: string } | null {
  const from = new Date(`${firstDay}T00:00:00`);
  const end = new Date(`${lastDay}T00:00:00`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(end.getTime()) || end < from) return null;
  end.setDate(end.getDate() + 1);
  return { from: from.toISOString(), to: end.toISOString() };
}

/** The last `days` days up to and including today. */
export function lastDays(days: number, today = new Date()): { firstDay: string; lastDay: string } {
  const first = new Date(today);
  first.setDate(first.getDate() - (days - 1));
  return { firstDay: dateInputValue(first), lastDay: dateInputValue(today) };
}
