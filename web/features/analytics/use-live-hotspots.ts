import { useCallback, useEffect, useRef, useState } from 'react';
import { openLiveFeed } from '../console/live-feed.js';
import { fetchHotspots, type Hotspots, type Period } from './analytics-api.js';

/** Events that may add, remove or move an incident the hot spots count. */
const INCIDENT_EVENTS = ['incident.created', 'incident.status_changed', 'incident.merged'] as const;
// A busy city reports every few seconds; the map redraws at most this often.
const THROTTLE_MS = 5_000;

// Almaty has been at UTC+5 since March 2024; days and months start at its midnight.
const ALMATY_OFFSET_MS = 5 * 3_600_000;

/**
 * From the start of the month two years back to the end of today in Almaty time: a period up to
 * now, so reports arriving now count, and the same all day, so the server keeps its picture of it.
 */
export function upToToday(categories: string, now = new Date()): Period {
  const local = new Date(now.getTime() + ALMATY_OFFSET_MS);
  const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  return {
    from: new Date(Date.UTC(year, month - 23, 1) - ALMATY_OFFSET_MS).toISOString(),
    to: new Date(Date.UTC(year, month, day + 1) - ALMATY_OFFSET_MS).toISOString(),
    categories,
  };
}

export interface LiveHotspotsState {
  data: Hotspots | null;
  error: unknown;
  reload: () => void;
}

/**
 * Hot spots loaded once, then again after incidents arrive or leave on the live feed, at most
 * every few seconds. The last picture stays on screen while the next loads.
 */
export function useLiveHotspots(categories: string, language: string): LiveHotspotsState {
  const [data, setData] = useState<Hotspots | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loading = useRef<AbortController | null>(null);
  const lastLoad = useRef(0);

  const reload = useCallback(() => {
    loading.current?.abort();
    const controller = new AbortController();
    loading.current = controller;
    lastLoad.current = Date.now();
    fetchHotspots(upToToday(categories), controller.signal).then(
      (next) => {
        if (controller.signal.aborted) return;
        setError(null);
        setData(next);
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      },
    );
  }, [categories]);

  useEffect(() => {
    // Another choice of offences is another picture: do not show the last one meanwhile.
    setData(null);
    setError(null);
    reload();
    return () => loading.current?.abort();
  }, [reload, language]);

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const close = openLiveFeed(
      INCIDENT_EVENTS,
      () => {
        if (pending !== undefined) return;
        const wait = Math.max(0, lastLoad.current + THROTTLE_MS - Date.now());
        pending = setTimeout(() => {
          pending = undefined;
          reload();
        }, wait);
      },
      () => {},
    );
    return () => {
      clearTimeout(pending);
      close();
    };
  }, [reload]);

  return { data, error, reload };
}
