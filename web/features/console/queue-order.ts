/** The console's order: most urgent first, then the longest waiting, then by id so it never jumps. */
export function compareQueue(
  a: { priority: number; reportedAt: string; id: string },
  b: { priority: number; reportedAt: string; id: string },
): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  const waited = Date.parse(a.reportedAt) - Date.parse(b.reportedAt);
  if (waited !== 0) return waited;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Statuses that keep an incident in the queue (the server's queue route uses the same list). */
export const QUEUE_STATUSES: ReadonlySet<string> = new Set(['new', 'triaged', 'dispatched', 'en_route', 'on_scene']);

/** Live events that change what the queue shows; any of them makes the console reload it. */
export const QUEUE_EVENTS = [
  'incident.created',
  'incident.status_changed',
  'incident.priority_changed',
  'incident.merged',
  'incident.assigned',
] as const;

/**
 * The queue after a status change the live feed reported, before the reload lands: an incident
 * that left the open statuses goes, another takes its new status. Sorted as the server sorts.
 */
export function applyStatusChange<T extends { id: string; status: string; priority: number; reportedAt: string }>(
  queue: readonly T[],
  change: { incidentId: string; to: string },
): T[] {
  return queue
    .flatMap((incident) => {
      if (incident.id !== change.incidentId) return [incident];
      return QUEUE_STATUSES.has(change.to) ? [{ ...incident, status: change.to }] : [];
    })
    .sort(compareQueue);
}
