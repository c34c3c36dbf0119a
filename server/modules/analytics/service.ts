import type { Jurisdiction } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { incidentPointsForAnalysis, type AnalysisFilter, type AnalysisPoint } from '../incidents/index.js';
import { narrowArea, parseCategories, parsePeriod } from './area.js';
import { runsUpToNow, type HotspotAnswer, type HotspotQuestion, type LiveHotspots } from './hotspot-live.js';
import { countByH3, h3Hotspots } from './hotspots.js';
import { knoxTest } from './near-repeat.js';
import { projectUtm, utmZone } from './projection.js';
import type { HotspotsQuery, NearRepeatRequest } from './schema.js';

/**
 * Limits for an interactive request. The Knox test's work grows with the pairs inside the
 * largest band, which grow with the square of local density (11,701 Chicago burglaries take
 * about a second); Gi* only counts points per cell.
 */
export const MAX_NEAR_REPEAT_INCIDENTS = 50_000;
export const MAX_HOTSPOT_INCIDENTS = 1_000_000;

interface AreaRequest {
  regionId?: string;
  districtId?: string;
  from: string;
  to: string;
  categories: readonly string[];
}

async function readPoints(db: Db, jurisdiction: Jurisdiction, request: AreaRequest, max: number): Promise<AnalysisPoint[]> {
  const period = parsePeriod(request);
  return readWithin(db, { ...narrowArea(jurisdiction, request), ...period, categories: request.categories }, max);
}

async function readWithin(db: Db, filter: AnalysisFilter, max: number): Promise<AnalysisPoint[]> {
  const points = await incidentPointsForAnalysis(db, filter);
  if (points.length > max) throw new AppError('analytics.too_many_events', { count: points.length, max });
  return points;
}

/** The Knox test over the incidents in the caller's area, in metres of the area's UTM zone. */
export async function runNearRepeat(db: Db, jurisdiction: Jurisdiction, request: NearRepeatRequest) {
  const points = await readPoints(db, jurisdiction, request, MAX_NEAR_REPEAT_INCIDENTS);
  const zone = utmZone(points.reduce((sum, p) => sum + p.x, 0) / Math.max(1, points.length));
  // Elapsed days, not calendar dates: incidents carry exact times, unlike the calculator's input.
  const events = points.map((p) => ({ ...projectUtm(p.x, p.y, zone), t: p.at.getTime() / 86_400_000 }));
  const result = knoxTest(events, request);
  return { incidents: points.length, ...result };
}

export interface HotspotsDeps {
  db: Db;
  clock: () => Date;
  /** Kept surfaces for questions up to now; without it every question reads its period in full. */
  live?: LiveHotspots;
}

/**
 * Gi* hot and cold spots on H3 cells over the incidents in the caller's area. A question whose
 * period runs up to now is answered from a surface kept up to date as incidents are reported.
 */
export async function findHotspots(deps: HotspotsDeps, jurisdiction: Jurisdiction, query: HotspotsQuery) {
  const categories = parseCategories(query.categories);
  const period = parsePeriod(query);
  const question: HotspotQuestion = {
    area: narrowArea(jurisdiction, query),
    ...period,
    categories,
    resolution: query.resolution,
    k: query.k,
    alpha: query.alpha,
  };
  const now = deps.clock();
  const answer =
    deps.live && runsUpToNow(question, now)
      ? await deps.live.answer(question, now, MAX_HOTSPOT_INCIDENTS)
      : await readHotspots(deps.db, question, now);
  return {
    incidents: answer.incidents,
    studyCells: answer.cells.length,
    resolution: query.resolution,
    k: query.k,
    alpha: query.alpha,
    computedAt: now.toISOString(),
    readAt: answer.readAt.toISOString(),
    incremental: answer.incremental,
    cells: answer.cells.filter((c) => c.count > 0 || c.kind !== 'none'),
  };
}

async function readHotspots(db: Db, question: HotspotQuestion, now: Date): Promise<HotspotAnswer> {
  const points = await readWithin(
    db,
    { ...question.area, from: question.from, to: question.to, categories: question.categories },
    MAX_HOTSPOT_INCIDENTS,
  );
  const counts = countByH3(
    points.map((p) => ({ lon: p.x, lat: p.y })),
    question.resolution,
  );
  const cells = h3Hotspots(counts, { k: question.k, alpha: question.alpha });
  return { incidents: points.length, cells, readAt: now, incremental: false };
}
