/**
 * Channels with nobody on the line: a citizen's web or app report, the Telegram bot, Open311, a
 * camera, an SOS button. A phone call is attended (the operator took it), so it never alarms.
 */
export const UNATTENDED_SOURCES: ReadonlySet<string> = new Set(['web', 'telegram', 'open311', 'camera', 'sos']);

export interface AlarmCandidate {
  id: string;
  priority: number;
  status: string;
  source: string;
}

/** Does this incident sound the alarm? A P1 from an unattended channel that nobody has taken yet. */
export function isAlarming(incident: AlarmCandidate): boolean {
  return incident.priority === 1 && incident.status === 'new' && UNATTENDED_SOURCES.has(incident.source);
}

/**
 * The incidents alarming on this console: those of the queue that alarm, less those the live
 * feed already said were taken (the queue reloads a moment later; the alarm stops at once).
 */
export function alarmingIncidents<T extends AlarmCandidate>(queue: readonly T[], taken: ReadonlySet<string>): T[] {
  return queue.filter((incident) => isAlarming(incident) && !taken.has(incident.id));
}
