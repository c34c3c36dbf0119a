import type { UnitStatus, UnitView } from './dispatch-api.js';

/** How old a unit's position is now: its age when the server answered plus the time since. */
export function positionAgeSeconds(unit: Pick<UnitView, 'position'>, receivedAt: number, now: number): number | null {
  if (!unit.position) return null;
  return unit.position.ageSeconds + Math.max(0, Math.floor((now - receivedAt) / 1000));
}

/** Stale as the server judges it (AMAN_STALE_POSITION_SECONDS), kept up to date between polls. */
export function isPositionStale(ageSeconds: number | null, staleAfterSeconds: number): boolean {
  return ageSeconds !== null && ageSeconds > staleAfterSeconds;
}

// Those who need the operator soonest come first: a unit waiting to be accepted, then those at work.
const STATUS_ORDER: Record<UnitStatus, number> = {
  dispatched: 0,
  en_route: 1,
  on_scene: 2,
  busy: 3,
  available: 4,
  off_duty: 5,
};

/**
 * The board's order: units in an emergency first (the earliest panic on top, as it has waited
 * longest), then by status, then by call sign. Returns a new array.
 */
export function orderUnits<T extends Pick<UnitView, 'emergency' | 'emergencyAt' | 'status' | 'callSign'>>(
  units: readonly T[],
): T[] {
  return [...units].sort((a, b) => {
    if (a.emergency !== b.emergency) return a.emergency ? -1 : 1;
    if (a.emergency && b.emergency) return (a.emergencyAt ?? '').localeCompare(b.emergencyAt ?? '');
    return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.callSign.localeCompare(b.callSign);
  });
}

/** Ids of units in an emergency now that were not in one before: each of these sounds the alarm once. */
export function newEmergencies(
  before: readonly Pick<UnitView, 'id' | 'emergency'>[],
  after: readonly Pick<UnitView, 'id' | 'emergency'>[],
): string[] {
  const known = new Set(before.filter((u) => u.emergency).map((u) => u.id));
  return after.filter((u) => u.emergency && !known.has(u.id)).map((u) => u.id);
}
