import { useEffect, useRef, useState } from 'react';
import { sendPositions } from './officer-api.js';
import { PositionThrottle, fixOf } from './position-throttle.js';

export type SharingState =
  | { kind: 'off' }
  | { kind: 'waiting' }
  | { kind: 'sharing'; lastSentAt: number }
  | { kind: 'denied' }
  | { kind: 'unavailable' }
  | { kind: 'failed'; lastSentAt: number | null };

/**
 * Shares the phone's position for the unit while `active` (on duty): watchPosition as the
 * browser offers fixes, sent through PositionThrottle at most every ten seconds. Stops, and
 * releases the GPS, when the unit goes off duty or the page closes.
 */
export function usePositionSharing(unitId: string | null, active: boolean): SharingState {
  const [state, setState] = useState<SharingState>({ kind: 'off' });
  const lastSent = useRef<number | null>(null);

  useEffect(() => {
    if (!unitId || !active) {
      setState({ kind: 'off' });
      return;
    }
    if (!('geolocation' in navigator)) {
      setState({ kind: 'unavailable' });
      return;
    }
    const throttle = new PositionThrottle();
    let sending = false;
    let stopped = false;
    const flush = async () => {
      if (sending || stopped) return;
      const batch = throttle.take(performance.now());
      if (!batch) return;
      sending = true;
      try {
        await sendPositions(unitId, batch);
        lastSent.current = Date.now();
        if (!stopped) setState({ kind: 'sharing', lastSentAt: lastSent.current });
      } catch {
        throttle.putBack(batch);
        if (!stopped) setState({ kind: 'failed', lastSentAt: lastSent.current });
      } finally {
        sending = false;
      }
    };
    setState({ kind: 'waiting' });
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        throttle.add(fixOf(position));
        void flush();
      },
      (error) => {
        if (!stopped) setState(error.code === error.PERMISSION_DENIED ? { kind: 'denied' } : { kind: 'unavailable' });
      },
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
    );
    // Fixes kept while it was too soon, or while the network was down, go with the next tick.
    const timer = window.setInterval(() => void flush(), 2_000);
    return () => {
      stopped = true;
      navigator.geolocation.clearWatch(watch);
      window.clearInterval(timer);
    };
  }, [unitId, active]);

  return state;
}
