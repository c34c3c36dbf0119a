import { useCallback, useEffect, useRef, useState } from 'react';
import { openLiveFeed, type FeedState } from '../console/live-feed.js';
import { fetchSituation, type Situation } from './analytics-api.js';

/** Events that change the board's counts: incidents arriving or moving, units changing status. */
const BOARD_EVENTS = [
  'incident.created',
  'incident.status_changed',
  'incident.priority_changed',
  'incident.merged',
  'unit.created',
  'unit.updated',
  'unit.status_changed',
] as const;
// A burst of events (a P1 with three units sent) becomes one reload.
const SETTLE_MS = 400;
// Where the live feed is closed to the caller's role or the connection is lost, the board still moves.
const POLL_MS = 60_000;

export interface SituationState {
  current: Situation | null;
  previous: Situation | null;
  error: unknown;
  feed: FeedState;
  reload: () => void;
}

/**
 * The situation board's data: loaded once, then reloaded after each relevant live event (the
 * consoles' SSE feed), or every minute while that feed is down. The last picture stays on screen
 * while the next loads, and the one before is kept so the board can say what changed.
 */
export function useSituation(language: string): SituationState {
  const [pictures, setPictures] = useState<{ current: Situation | null; previous: Situation | null }>({
    current: null,
    previous: null,
  });
  const [error, setError] = useState<unknown>(null);
  const [feed, setFeed] = useState<FeedState>('connecting');
  const loading = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    loading.current?.abort();
    const controller = new AbortController();
    loading.current = controller;
    fetchSituation(controller.signal).then(
      (next) => {
        if (controller.signal.aborted) return;
        setError(null);
        setPictures((p) => ({ current: next, previous: p.current }));
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      },
    );
  }, []);

  useEffect(() => {
    reload();
    return () => loading.current?.abort();
  }, [reload, language]);

  useEffect(() => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const close = openLiveFeed(
      BOARD_EVENTS,
      () => {
        clearTimeout(settle);
        settle = setTimeout(reload, SETTLE_MS);
      },
      setFeed,
    );
    return () => {
      clearTimeout(settle);
      close();
    };
  }, [reload]);

  useEffect(() => {
    if (feed !== 'down') return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [feed, reload]);

  return { ...pictures, error, feed, reload };
}
