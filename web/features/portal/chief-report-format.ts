/** A calendar day 'YYYY-MM-DD' written as Kazakhstan writes dates in every language (25.11.2026). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

export function formatPeriod(start: string, end: string): string {
  return `${formatDay(start)} – ${formatDay(end)}`;
}

export const QUESTION_MIN = 10;
export const QUESTION_MAX = 1000;
