import { publishMonth, loadPublicationGeography, type PublishDeps } from './publish.js';
import * as store from './store.js';

/** Kazakhstan time (UTC+5): a month ends at local midnight, not at UTC midnight. */
const LOCAL_OFFSET_MS = 5 * 3_600_000;

/** A server down for longer than this catches up on at most this many months; older ones need `publishMonth`. */
const MAX_CATCH_UP = 24;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The newest month whose records have settled: a month is published only `settleDays` after it
 * ended, as police.uk publishes a month weeks later, so late recordings and corrections are in the
 * snapshot that then never changes.
 */
export function lastSettledMonth(now: Date, settleDays: number): string {
  const local = new Date(now.getTime() + LOCAL_OFFSET_MS);
  const current = local.getUTCFullYear() * 12 + local.getUTCMonth();
  const dayOfMonth = local.getUTCDate() - 1 + (local.getUTCHours() * 60 + local.getUTCMinutes()) / 1440;
  return monthOf(dayOfMonth >= settleDays ? current - 1 : current - 2);
}

/** The settled months not yet published, oldest first: every one after the newest published (or only the last settled). */
export function monthsDue(newestPublished: string | undefined, lastSettled: string): string[] {
  const end = monthIndex(lastSettled);
  const start = newestPublished === undefined ? end : Math.max(monthIndex(newestPublished) + 1, end - MAX_CATCH_UP + 1);
  return Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => monthOf(start + i));
}

/**
 * Publishes the settled months that are due. Run at start and daily: a month is published once
 * (the month's row is claimed in the publishing transaction), so several nodes may run it.
 */
export async function publishSettledMonths(deps: PublishDeps, settleDays: number): Promise<string[]> {
  const [newest] = await store.publishedMonths(deps.db, 1);
  const due = monthsDue(newest, lastSettledMonth(deps.clock(), settleDays));
  if (due.length === 0) return [];
  const geography = await loadPublicationGeography(deps.db);
  const done: string[] = [];
  for (const month of due) {
    if ((await publishMonth(deps, month, geography)).published) done.push(month);
  }
  return done;
}
