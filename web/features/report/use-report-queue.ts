import { useEffect, useSyncExternalStore } from 'react';
import { queueSnapshot, startQueue, subscribeQueue, type QueueSnapshot } from './queue-service.js';

/** The reports kept on this device, re-rendering as they are sent; starts the queue on first use. */
export function useReportQueue(): QueueSnapshot {
  useEffect(() => startQueue(), []);
  return useSyncExternalStore(subscribeQueue, queueSnapshot, queueSnapshot);
}
