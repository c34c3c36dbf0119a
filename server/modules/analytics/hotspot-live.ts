import { sql } from 'kysely';
import type { Database, Db } from '../../db/connection.js';
import { leaseEventStream, parsePosition, type EventStreamLease, type LiveEvent } from '../../events/index.js';
import { AppError } from '../../http/errors.js';
import { incidentPointForAnalysis, incidentPointsForAnalysis, type AnalysisFilter } from '../incidents/index.js';
import type { AreaFilter } from './area.js';
import { countByH3, type HotspotCell } from './hotspots.js';
import { HotspotSurface } from './hotspot-surface.js';

/** A hot-spot question with the caller's jurisdiction already applied to its area. */
export interface HotspotQuestion {
  area: AreaFilter;
  from: Date;
  to: Date;
  categories: readonly string[];
  resolution: number;
  k: number;
  alpha: number;
}

export interface HotspotAnswer {
  incidents: number;
  cells: HotspotCell[];
  /** When the period was read in full. */
  readAt: Date;
  /** True when the surface read at `readAt` answered, kept up to date since incident by incident. */
  incremental: boolean;
}

export interface LiveHotspots {
  /** The answer from a kept surface, built from the database first when there is none. */
  answer(question: HotspotQuestion, now: Date, max: number): Promise<HotspotAnswer>;
  close(): Promise<void>;
}

export interface LiveHotspotsOptions {
  /** At most this many surfaces are kept; the least recently asked is dropped. */
  capacity?: number;
  /**
   * At most this many study cells in all the kept surfaces (a few hundred bytes each): a
   * country's year at resolution 9 can hold a million. The surface just asked is always kept.
   */
  cellBudget?: number;
  onError?: (error: unknown) => void;
}

/** Only a question whose period runs up to now gains incidents as they are reported. */
export function runsUpToNow(question: Pick<HotspotQuestion, 'from' | 'to'>, now: Date): boolean {
  return question.from <= now && now < question.to;
}

/** The transactions a read saw as committed: pg_current_snapshot() as `xmin:xmax:running,…`. */
interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  running: Set<bigint>;
}

function parseSnapshot(text: string): Snapshot {
  const [xmin, xmax, running] = text.split(':');
  return {
    xmin: BigInt(xmin!),
    xmax: BigInt(xmax!),
    running: new Set(running ? running.split(',').map((x) => BigInt(x)) : []),
  };
}

/**
 * Did the read see what this event's transaction wrote? An event is written in the transaction
 * that changes the incident, so a read that saw the event's transaction already counted it.
 */
function seenBy(snapshot: Snapshot, event: LiveEvent): boolean {
  const tx = BigInt(parsePosition(event.position)!.tx);
  return tx < snapshot.xmin || (tx < snapshot.xmax && !snapshot.running.has(tx));
}

const REMOVED = new Set(['cancelled', 'merged']);
// Events known to leave an incident's place, category, time and status in the analysis as they were.
const NEUTRAL = new Set([
  'incident.priority_changed',
  'incident.assigned',
  'incident.assignment_updated',
  'incident.noted',
  'incident.camera_event',
]);

/**
 * Could this event take an incident out of an analysis or move it (a cancellation, a merge, or
 * an event this module does not know yet, such as a re-categorisation)? Then a kept surface is
 * dropped: it can only add.
 */
function mayRemove(event: LiveEvent): boolean {
  if (!event.type.startsWith('incident.') || event.type === 'incident.created' || NEUTRAL.has(event.type)) return false;
  if (event.type !== 'incident.status_changed') return true;
  return REMOVED.has(String(event.payload.from)) || REMOVED.has(String(event.payload.to));
}

function within(area: AreaFilter, event: LiveEvent): boolean {
  return (
    (area.regionId === undefined || area.regionId === event.regionId) &&
    (area.districtId === undefined || area.districtId === event.districtId) &&
    (area.beatId === undefined || area.beatId === event.beatId)
  );
}

function filterOf(question: HotspotQuestion): AnalysisFilter {
  return { ...question.area, from: question.from, to: question.to, categories: question.categories };
}

function keyOf(q: HotspotQuestion): string {
  const { regionId, districtId, beatId } = q.area;
  return JSON.stringify([
    regionId ?? null,
    districtId ?? null,
    beatId ?? null,
    q.from.toISOString(),
    q.to.toISOString(),
    [...q.categories].sort(),
    q.resolution,
    q.k,
    q.alpha,
  ]);
}

interface Kept {
  question: HotspotQuestion;
  surface: HotspotSurface;
  incidents: number;
  readAt: Date;
  snapshot: Snapshot;
}

/**
 * Reads the question's incidents in full, with the snapshot the read saw, in one repeatable-read
 * transaction: events of transactions in that snapshot are already counted.
 */
async function readInFull(db: Db, question: HotspotQuestion, now: Date, max: number): Promise<Kept> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { rows } = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(trx);
      const points = await incidentPointsForAnalysis(trx, filterOf(question));
      if (points.length > max) throw new AppError('analytics.too_many_events', { count: points.length, max });
      const counts = countByH3(
        points.map((p) => ({ lon: p.x, lat: p.y })),
        question.resolution,
      );
      return {
        question,
        surface: new HotspotSurface(question.resolution, counts, { k: question.k, alpha: question.alpha }),
        incidents: points.length,
        readAt: now,
        snapshot: parseSnapshot(rows[0]!.snapshot),
      };
    });
}

/**
 * Hot-spot surfaces of the questions analysts ask about a period up to now, each read from the
 * database once and then kept up to date from the event stream: a reported incident that the
 * question covers is read by id (within the question's area only) and added to its cell; an
 * event that may remove or move one drops the surface, and the next question reads it again.
 * Events are applied and questions answered one at a time, in order.
 */
export function createLiveHotspots(database: Database, options: LiveHotspotsOptions = {}): LiveHotspots {
  const db = database.db;
  const capacity = options.capacity ?? 16;
  const cellBudget = options.cellBudget ?? 2_000_000;
  const cellsKept = () => [...kept.values()].reduce((sum, entry) => sum + entry.surface.size, 0);
  // Most recently asked last.
  const kept = new Map<string, Kept>();
  let queue: Promise<unknown> = Promise.resolve();
  let stream: Promise<{ events: EventStreamLease; stop: () => void }> | null = null;

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  const apply = async (events: LiveEvent[]) => {
    for (const event of events) {
      for (const [key, entry] of kept) {
        if (seenBy(entry.snapshot, event)) continue;
        if (mayRemove(event)) {
          // A merge is heard in the surviving incident's area; the duplicate may lie in another.
          if (event.type === 'incident.merged' || within(entry.question.area, event)) kept.delete(key);
          continue;
        }
        if (event.type !== 'incident.created' || !within(entry.question.area, event)) continue;
        const { incidentId, category } = event.payload;
        if (typeof incidentId !== 'string') continue;
        if (typeof category === 'string' && !entry.question.categories.includes(category)) continue;
        const point = await incidentPointForAnalysis(db, incidentId, filterOf(entry.question));
        // A failing listener may have dropped every surface during the read.
        if (!point || kept.get(key) !== entry) continue;
        entry.surface.addIncident({ lon: point.x, lat: point.y });
        entry.incidents += 1;
      }
    }
  };

  const forgetAll = (error: unknown) => {
    // A failing listener may have missed a commit: read again rather than answer from a stale surface.
    kept.clear();
    options.onError?.(error);
  };

  const start = async () => {
    const events = await leaseEventStream(database, forgetAll);
    const stop = await events.subscribe((batch) => void serial(() => apply(batch)).catch(forgetAll));
    return { events, stop: stop === 'gap' ? () => {} : stop };
  };
  const listen = () => {
    if (!stream) {
      stream = start();
      // A stream that could not start is tried again at the next question.
      stream.catch(() => (stream = null));
    }
    return stream;
  };

  return {
    answer(question, now, max) {
      return serial(async () => {
        // Listening starts before the first read, so no event between the two is missed.
        await listen();
        // A period that has ended no longer gains what is reported now; its question is asked afresh.
        for (const [old, ended] of kept) if (!runsUpToNow(ended.question, now)) kept.delete(old);
        const key = keyOf(question);
        const found = kept.get(key);
        kept.delete(key);
        const entry = found ?? (await readInFull(db, question, now, max));
        if (entry.incidents > max) throw new AppError('analytics.too_many_events', { count: entry.incidents, max });
        kept.set(key, entry);
        for (const old of kept.keys()) {
          if (old === key || (kept.size <= capacity && cellsKept() <= cellBudget)) break;
          kept.delete(old);
        }
        const incremental = found !== undefined;
        return { incidents: entry.incidents, cells: entry.surface.hotspots(), readAt: entry.readAt, incremental };
      });
    },
    async close() {
      kept.clear();
      const started = await stream?.catch(() => null);
      if (!started) return;
      started.stop();
      await started.events.release();
      await queue;
    },
  };
}
