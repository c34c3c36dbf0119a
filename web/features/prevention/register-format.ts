/** A register day (YYYY-MM-DD) as Kazakhstan writes dates in every language: DD.MM.YYYY. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

/** Today in the browser's zone, as a register day. */
export function todayDay(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
