export {
  publishEvent,
  readEventsAfter,
  EVENTS_CHANNEL,
  type DomainEvent,
  type EventNotice,
  type StoredEvent,
} from './publish.js';
export { startEventFanout, type EventFanout, type EventHandler } from './fanout.js';
export type { DomainEventsTable } from './tables.js';
