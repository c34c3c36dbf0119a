import type { Comparison, NationalReport } from '../../../common/schemas/national-report.js';
import { api } from '../../src/api.js';

export type { NationalReport, ReportFigure, ReportSection } from '../../../common/schemas/national-report.js';

// TODO: take these from common/ once the analytics schemas move there; written once here until then.
export type Texts = { kk: string; ru: string; en: string };

export interface HotspotCell {
  cell: string;
  count: number;
  z: number;
  p: number;
  q: number;
  kind: 'hot' | 'cold' | 'none';
}
export interface Hotspots {
  incidents: number;
  studyCells: number;
  resolution: number;
  alpha: number;
  /** When the answer was computed (ISO). */
  computedAt: string;
  /** When the period was last read in full; since then the server added incidents one by one. */
  readAt: string;
  incremental: boolean;
  cells: HotspotCell[];
}

export interface TimePatterns {
  incidents: number;
  timeZones: string[];
  hourByWeekday: number[][];
  months: string[];
  monthly: number[];
  seasonal: number[] | null;
  changePoints: { method: string; changes: string[]; segments: { from: string; to: string; mean: number }[] };
}

export interface Indicator {
  id: string;
  name: Texts;
  unit: 'percent' | 'per-100k';
  direction: 'up' | 'down';
  value: number | null;
  ci95: { low: number; high: number } | null;
  denominator: number | null;
  baseline: { year: number; value: number } | null;
  target: { year: number; value: number };
  source: Texts;
  method: Texts;
  demo: boolean;
}
export interface Indicators {
  year: number;
  regionId: string | null;
  indicators: Indicator[];
}

export interface RatedRegion {
  regionId: string;
  name: Texts;
  score: number | null;
  rank: number | null;
  demo: boolean;
  inputs: { key: string; value: number | null; normalised: number | null; weight: number }[];
}
export interface AkimRating {
  year: number;
  comparison: Comparison;
  method: Texts;
  inputs: { key: string; direction: 'up' | 'down'; name: Texts; available: boolean; source: string }[];
  regions: RatedRegion[];
}

export interface Period {
  from: string;
  to: string;
  categories: string;
}

export const fetchHotspots = (period: Period, signal: AbortSignal) =>
  api.get<Hotspots>('/api/v1/analytics/hotspots', { query: { ...period, resolution: 7 }, signal });

export const fetchTimePatterns = (period: Period, signal: AbortSignal) =>
  api.get<TimePatterns>('/api/v1/analytics/time-patterns', { query: { ...period }, signal });

export const fetchIndicators = (year: number, signal: AbortSignal) =>
  api.get<Indicators>('/api/v1/analytics/indicators', { query: { year }, signal });

export const fetchAkimRating = (year: number, signal: AbortSignal) =>
  api.get<AkimRating>('/api/v1/analytics/akim-rating', { query: { year }, signal });

export const fetchReport = (year: number, signal: AbortSignal) =>
  api.get<NationalReport>(`/api/v1/analytics/national-report/${year}`, { query: { format: 'json' }, signal });

/** Where the report downloads from; the browser follows the link with the session cookie. */
export function reportUrl(year: number, format: 'pdf' | 'json', lang: string): string {
  return `/api/v1/analytics/national-report/${year}?format=${format}&lang=${lang}`;
}

export type ForecastModelName = 'etas' | 'last-period' | 'kde' | 'long-term-average';
type ByShare = Record<string, number | null>;

export interface ForecastCell {
  rank: number;
  score: number;
  centre: [number, number];
  ring: [number, number][];
  share: number;
}
export interface Forecast {
  model: ForecastModelName;
  start: string;
  end: string;
  horizonDays: number;
  cellSize: number;
  share: number;
  historyFrom: string;
  incidents: number;
  studyCells: number;
  params: Record<string, number>;
  cells: ForecastCell[];
  evaluation: {
    periods: number;
    from: string;
    to: string;
    crimes: number;
    models: { name: ForecastModelName; hitRate: ByShare; pai: ByShare; peiStar: ByShare }[];
  };
}

export interface ForecastRequest {
  categories: string;
  model: ForecastModelName;
  regionId?: string;
  cellSize: number;
  horizonDays: number;
  periods: number;
  share: number;
}

export const fetchForecast = (request: ForecastRequest, signal: AbortSignal) =>
  api.get<Forecast>('/api/v1/analytics/forecast', { query: { ...request }, signal });

interface SituationFigures {
  openByPriority: Record<string, number>;
  open: number;
  units: Record<string, number>;
  today: number;
  yesterday: number;
  usual: number;
}
export interface Situation {
  at: string;
  since: string;
  timeZone: string;
  level: 'region' | 'district';
  totals: SituationFigures;
  areas: (SituationFigures & { id: string | null; name: Texts | null })[];
}

export const fetchSituation = (signal?: AbortSignal) =>
  api.get<Situation>('/api/v1/analytics/situation', signal ? { signal } : {});

interface ClearanceFigures {
  reported: number;
  clearedByEnd: number;
  clearedLater: number;
  clearedUndated: number;
  open: number;
  rate: number | null;
  rateUndatedIncluded: number | null;
}
export interface Clearance {
  from: string;
  to: string;
  asOf: string;
  level: 'region' | 'district';
  totals: ClearanceFigures;
  areas: (ClearanceFigures & { id: string | null; name: Texts | null })[];
}

export const fetchClearance = (period: { from: string; to: string }, signal: AbortSignal) =>
  api.get<Clearance>('/api/v1/analytics/clearance', { query: { ...period }, signal });
