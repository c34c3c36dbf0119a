import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { alarmingIncidents } from './alarm.js';
import { startAlarmTone } from '../../src/ui/alarm-sound.js';
import { fetchQueue, type QueueIncident } from './console-api.js';
import { openLiveFeed, type FeedState, type LiveMessage } from './live-feed.js';
import { applyStatusChange, QUEUE_EVENTS } from './queue-order.js';

// Incident events a detail page listens for besides the queue's own.
const DETAIL_EVENTS = ['incident.noted', 'incident.assignment_updated', 'incident.camera_event', 'unit.status_changed'];
// Several events often arrive together (a triage changes priority and status): one reload for all.
const RELOAD_DELAY_MS = 250;

interface ConsoleState {
  queue: QueueIncident[] | null;
  queueError: unknown;
  reloadQueue: () => void;
  feed: FeedState;
  /** P1s from unattended channels nobody has taken yet. */
  alarms: QueueIncident[];
  /** Silences the alarms sounding now on this console; a new one sounds again. */
  mute: () => void;
  isMuted: boolean;
  /** Hears every live event; returns the unsubscribe. */
  subscribe: (listener: (message: LiveMessage) => void) => () => void;
}

const ConsoleContext = createContext<ConsoleState | null>(null);

// Muted alarms stay muted when the operator moves between sections (each mounts its own watch).
const MUTED_KEY = 'aman.console.muted';

function readMuted(): ReadonlySet<string> {
  try {
    return new Set(JSON.parse(window.sessionStorage.getItem(MUTED_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function storeMuted(ids: ReadonlySet<string>): void {
  try {
    window.sessionStorage.setItem(MUTED_KEY, JSON.stringify([...ids].slice(-200)));
  } catch {
    // Storage disabled: muting lasts for this page only.
  }
}

export function useConsole(): ConsoleState {
  const state = useContext(ConsoleContext);
  if (!state) throw new Error('useConsole outside ConsoleProvider');
  return state;
}

/** The console's shared picture: the queue, the live feed that keeps it current, and the alarm. */
export function ConsoleProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<QueueIncident[] | null>(null);
  const [queueError, setQueueError] = useState<unknown>(null);
  const [feed, setFeed] = useState<FeedState>('connecting');
  // An incident once taken never becomes new again, so this set only grows.
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  const [mutedIds, setMutedIds] = useState<ReadonlySet<string>>(readMuted);
  const listeners = useRef(new Set<(message: LiveMessage) => void>());
  const timer = useRef<number | undefined>(undefined);
  const loading = useRef<AbortController | null>(null);

  const reloadQueue = useCallback(() => {
    loading.current?.abort();
    const controller = (loading.current = new AbortController());
    fetchQueue(controller.signal).then(
      (items) => {
        if (controller.signal.aborted) return;
        setQueue(items);
        setQueueError(null);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setQueueError(error);
      },
    );
  }, []);

  useEffect(() => {
    reloadQueue();
    const later = () => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(reloadQueue, RELOAD_DELAY_MS);
    };
    const close = openLiveFeed(
      [...QUEUE_EVENTS, ...DETAIL_EVENTS],
      (message) => {
        if (message.type === 'reset') reloadQueue();
        else if ((QUEUE_EVENTS as readonly string[]).includes(message.type)) later();
        if (message.type === 'incident.status_changed') {
          const change = { incidentId: String(message.data.incidentId), to: String(message.data.to) };
          setTaken((before) => new Set(before).add(change.incidentId));
          setQueue((before) => (before ? applyStatusChange(before, change) : before));
        }
        for (const listener of listeners.current) listener(message);
      },
      setFeed,
    );
    return () => {
      close();
      window.clearTimeout(timer.current);
      loading.current?.abort();
    };
  }, [reloadQueue]);

  const alarms = useMemo(() => alarmingIncidents(queue ?? [], taken), [queue, taken]);
  const isMuted = alarms.length > 0 && alarms.every((incident) => mutedIds.has(incident.id));
  const sounding = alarms.length > 0 && !isMuted;

  useEffect(() => (sounding ? startAlarmTone() : undefined), [sounding]);

  const mute = useCallback(
    () =>
      setMutedIds((before) => {
        const after = new Set([...before, ...alarms.map((a) => a.id)]);
        storeMuted(after);
        return after;
      }),
    [alarms],
  );
  const subscribe = useCallback((listener: (message: LiveMessage) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const state = useMemo(
    () => ({ queue, queueError, reloadQueue, feed, alarms, mute, isMuted, subscribe }),
    [queue, queueError, reloadQueue, feed, alarms, mute, isMuted, subscribe],
  );
  return <ConsoleContext.Provider value={state}>{children}</ConsoleContext.Provider>;
}
