import type { Jurisdiction } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { incidentPointsForAnalysis, type AnalysisPoint } from '../incidents/index.js';
import { narrowArea, parseCategories, parsePeriod } from './area.js';
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
  const points = await incidentPointsForAnalysis(db, {
    ...narrowArea(jurisdiction, request),
    ...period,
    categories: request.categories,
  });
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

/** Gi* hot and cold spots on H3 cells over the incidents in the caller's area. */
export async function findHotspots(db: Db, jurisdiction: Jurisdiction, query: HotspotsQuery) {
  const categories = parseCategories(query.categories);
  const points = await readPoints(db, jurisdiction, { ...query, categories }, MAX_HOTSPOT_INCIDENTS);
  const counts = countByH3(
    points.map((p) => ({ lon: p.x, lat: p.y })),
    query.resolution,
  );
  const cells = h3Hotspots(counts, { k: query.k, alpha: query.alpha });
  return {
    incidents: points.length,
    studyCells: cells.length,
    resolution: query.resolution,
    k: query.k,
    alpha: query.alpha,
    cells: cells.filter((c) => c.count > 0 || c.kind !== 'none'),
  };
}
