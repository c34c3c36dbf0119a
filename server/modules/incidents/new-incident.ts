import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { announceEvents, type DomainEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { answerFor, lookupKey, type StoredResponse } from './idempotency.js';
import { storeNewIncident } from './intake-batcher.js';
import type { StoredReport } from './report-statement.js';
import { newTrackingCode } from './tracking-code.js';

/** The new incident and the answer its filer gets, drawn afresh for each id and tracking code tried. */
export type IncidentDraft<T> = (
  id: string,
  trackingCode: string,
) => { report: Omit<StoredReport, 'key'>; answer: StoredResponse & { body: T } };

/** An Idempotency-Key and the hash of the request that brought it. */
export interface KeyClaim {
  scope: string;
  key: string;
  hash: string;
}

export interface Filed<T> extends StoredResponse {
  body: T;
  /** True when this is the answer an earlier request with the same key got. */
  replayed: boolean;
}

/**
 * Stores a new incident in one statement (see `reportsStatement`), whichever channel brought it. With
 * a key, a retry of a request already answered gets that answer and nothing is written twice; a
 * retry while the first is still being written hears `idempotency.in_flight` (409) after 5 s.
 */
export async function fileIncident<T>(db: Kysely<Tables>, draft: IncidentDraft<T>, key?: KeyClaim): Promise<Filed<T>> {
  for (let attempt = 1; ; attempt++) {
    const { report, answer } = draft(crypto.randomUUID(), newTrackingCode());
    try {
      const filed = await storeNewIncident(db, { ...report, key: key && { ...key, answer } });
      if (filed) {
        // A caller's transaction has not committed yet: it announces once it has.
        if (!db.isTransaction) void announceEvents(db);
        return { ...answer, replayed: false };
      }
      // The key was taken by a request that has ended: its answer, or why not.
      const earlier = answerFor(await lookupKey(db, key!.scope, key!.key), key!.hash);
      if (!earlier) throw new AppError('idempotency.in_flight'); // pruned in between: try again later
      return { ...(earlier as StoredResponse & { body: T }), replayed: true };
    } catch (error) {
      const code = (error as { code?: string }).code;
      // A 50-bit code drawn twice is rare; the statement wrote nothing, so draw again.
      if (code === '23505' && isTrackingCodeClash(error) && attempt < 3) continue;
      if (code === '55P03') throw new AppError('idempotency.in_flight');
      throw error;
    }
  }
}

/** The event every console hears when a new incident is filed, by whichever channel. */
export function createdEvent(
  id: string,
  incident: {
    regionId: string;
    districtId: string | null;
    beatId: string | null;
    category: string;
    priority: number;
    source: string;
    media: number;
  },
): DomainEvent {
  const { regionId, districtId, beatId, category, priority, source, media } = incident;
  return {
    type: 'incident.created',
    regionId,
    districtId,
    beatId,
    payload: { incidentId: id, category, priority, status: 'new', source, districtId, media },
  };
}

function isTrackingCodeClash(error: unknown): boolean {
  const { constraint, message } = error as { constraint?: string; message?: string };
  return (constraint ?? message ?? '').includes('tracking_code');
}
