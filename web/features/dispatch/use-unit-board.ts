import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchOpenIncidents, fetchUnits, type OpenIncident, type UnitSnapshot } from './dispatch-api.js';
import { soundAlarm } from '../../src/ui/alarm-sound.js';
import { newEmergencies } from './unit-board-order.js';
import { useLiveEvents } from './use-live-events.js';

/*
 * Positions are polled; everything else also arrives live.
 *
 * A unit's phone sends a fix every few seconds, so a region's few hundred units make 50–100
 * fixes a second. As domain events each would be an outbox row, a NOTIFY and a frame to every
 * console of the region, while a console only needs where each unit is *now*: the server keeps
 * one row per unit (`unit_positions`), and reading the region's units is one indexed query of a
 * few hundred rows. So positions are read every POLL_MS (5 s — a car at 60 km/h moves 80 m),
 * paused while the tab is hidden; status changes, assignments and panics, which are rare and
 * urgent, come through the live feed and reload the board at once.
 */
const POLL_MS = 5_000;
const LIVE_TYPES = [
  'unit.created',
  'unit.updated',
  'unit.status_changed',
  'unit.emergency_raised',
  'unit.emergency_cleared',
  'incident.created',
  'incident.assigned',
  'incident.assignment_updated',
  'incident.status_changed',
] as const;

export interface UnitBoardState {
  snapshot: UnitSnapshot | null;
  incidents: OpenIncident[];
  /** Why the latest load failed, while the previous picture stays on screen. */
  error: unknown;
  /** The newest live status change or panic, for the page to announce. */
  lastChange: { unitId: string; type: string; to?: string } | null;
}

export function useUnitBoard(): UnitBoardState {
  const [state, setState] = useState<UnitBoardState>({ snapshot: null, incidents: [], error: null, lastChange: null });
  const previous = useRef<UnitSnapshot | null>(null);
  const controller = useRef<AbortController | null>(null);
  const running = useRef(false);
  const again = useRef(false);

  // One load at a time: a poll or event arriving during a slow answer asks for one more load after
  // it, rather than cancelling it (on a slow link, cancelling would mean no answer ever arrives).
  const load = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    const signal = controller.current?.signal;
    if (!signal || signal.aborted) return;
    running.current = true;
    try {
      const [snapshot, incidents] = await Promise.all([
        fetchUnits(signal),
        // The board still shows units when the queue cannot be read.
        fetchOpenIncidents(signal).catch(() => null),
      ]);
      if (newEmergencies(previous.current?.units ?? [], snapshot.units).length > 0) soundAlarm();
      previous.current = snapshot;
      setState((s) => ({ ...s, snapshot, incidents: incidents ?? s.incidents, error: null }));
    } catch (error) {
      if (!signal.aborted) setState((s) => ({ ...s, error }));
    } finally {
      running.current = false;
    }
    // The component may have remounted meanwhile (a new controller): the load asked for still runs.
    if (again.current && controller.current?.signal.aborted === false) {
      again.current = false;
      void load();
    }
  }, []);

  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    void load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    return () => {
      window.clearInterval(timer);
      current.abort();
    };
  }, [load]);

  useLiveEvents(LIVE_TYPES, (message) => {
    if (message.unitId && (message.type === 'unit.status_changed' || message.type.startsWith('unit.emergency'))) {
      const change = { unitId: message.unitId, type: message.type, to: message.to };
      setState((s) => ({ ...s, lastChange: change }));
    }
    void load();
  });

  return state;
}
