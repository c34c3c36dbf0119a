export { announceEvents, eventInsertsFor, publishEvent, pruneDomainEvents, EVENTS_CHANNEL, type DomainEvent } from './publish.js';
export { startEventStream, parsePosition, type EventStream, type LiveEvent, type LiveHandler } from './stream.js';
export type { DomainEventsTable } from './tables.js';
export { leaseEventStream, type EventStreamLease } from './shared-stream.js';
export { registerLiveEvents, type LiveOptions } from './live-route.js';
