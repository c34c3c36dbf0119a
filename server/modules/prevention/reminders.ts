import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { partnerAgency } from './conference-store.js';
import type { PreventionDeps } from './deps.js';
import { insertDueReminders, listReminders as storeListReminders } from './reminder-store.js';
import type { ReminderView } from './schema.js';
import type { Caller } from './scope.js';

/**
 * The reminder job: protection orders ending within `orderDays` days and overdue safety-plan
 * actions, one reminder per item per UTC day however often it runs. Returns how many are new.
 */
export async function remindPrevention(db: Kysely<Tables>, now: Date, orderDays: number): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  const until = new Date(now.getTime() + orderDays * 86_400_000);
  return insertDueReminders(db, { now, day, until });
}

/** The caller's reminders: an officer's own, a partner's agency's, every one for a supervisor. */
export async function listReminders(deps: PreventionDeps, caller: Caller, query: { cursor?: string; limit: number }) {
  const roles = caller.user.roles;
  const agency = roles.includes('partner') ? await partnerAgency(deps.db, caller.user.userId) : undefined;
  const page = await storeListReminders(deps.db, caller.user.jurisdiction, {
    userId: caller.user.userId,
    agency,
    all: roles.includes('supervisor'),
    cursor: query.cursor,
    limit: query.limit,
  });
  const items: ReminderView[] = page.items.map((r) => ({
    id: r.id,
    kind: r.kind,
    day: r.day,
    caseId: r.case_id,
    caseNumber: r.case_number,
    itemId: r.item_id,
    dueAt: r.due_at.toISOString(),
    agency: r.recipient_agency,
  }));
  return { items, nextCursor: page.nextCursor };
}
