/**
 * Service-level targets of the control centre, in one place: how long an incident of each
 * priority may wait to be taken (triaged) and then to have a unit sent. Seconds from the moment
 * the report arrived. P1's minute to triage follows the usual 102 call-answer target.
 */
export const SLA_TARGETS: Readonly<Record<1 | 2 | 3 | 4, { triageSeconds: number; dispatchSeconds: number }>> = {
  1: { triageSeconds: 60, dispatchSeconds: 180 },
  2: { triageSeconds: 180, dispatchSeconds: 600 },
  3: { triageSeconds: 600, dispatchSeconds: 1_800 },
  4: { triageSeconds: 1_800, dispatchSeconds: 7_200 },
};

export type SlaPhase = 'triage' | 'dispatch' | 'met';

export interface SlaState {
  /** What the clock is running for: triage while new, dispatch while triaged; met once a unit is sent. */
  phase: SlaPhase;
  /** Seconds left until the target (negative once it has passed); null when met. */
  remainingSeconds: number | null;
  isOverdue: boolean;
}

function priorityKey(priority: number): 1 | 2 | 3 | 4 {
  return priority <= 1 ? 1 : priority >= 4 ? 4 : (priority as 2 | 3);
}

/** Where an incident stands against its priority's targets at `now`. */
export function slaState(incident: { priority: number; status: string; reportedAt: string }, now: number): SlaState {
  const target = SLA_TARGETS[priorityKey(incident.priority)];
  const phase: SlaPhase = incident.status === 'new' ? 'triage' : incident.status === 'triaged' ? 'dispatch' : 'met';
  if (phase === 'met') return { phase, remainingSeconds: null, isOverdue: false };
  const waited = Math.floor((now - Date.parse(incident.reportedAt)) / 1000);
  const remainingSeconds = (phase === 'triage' ? target.triageSeconds : target.dispatchSeconds) - waited;
  return { phase, remainingSeconds, isOverdue: remainingSeconds < 0 };
}

/** A duration as m:ss (or h:mm:ss), the same in every language; a leading minus once overdue. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '−' : '';
  const s = Math.abs(Math.trunc(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${sign}${minutes}:${seconds}`;
}
