import crypto from 'node:crypto';
import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/errors.js';
import { listDistricts, type District } from '../geo/index.js';
import { maskContacts, questionTextHash, screenQuestion } from './chief-report-screen.js';
import { regions } from './neighbourhoods.js';
import { crimeCategories } from './police-uk.js';
import { ensurePlaceCounts, RATING_MONTHS } from './place-safety-counts.js';
import {
  bayesianStars,
  combine,
  incidentRate,
  incidentScores,
  MIN_PEERS,
  priorStars,
  PRIOR_REVIEWS,
  publicRate,
  publishBreakdown,
  reviewScore,
  WEIGHTS,
  type PlaceExposure,
} from './place-safety-rating.js';
import type { PlaceDetail, PlaceSummary, Rating, ReviewRequest } from './place-safety-schema.js';
import * as store from './place-safety-store.js';
import type { PlaceKind } from './place-safety-tables.js';
import type { Published } from './suppression.js';

export interface PlaceSafetyDeps {
  db: Db;
  clock: () => Date;
  /** AMAN_SECRET_KEY: which small count is hidden beside another is chosen by a keyed rank (see suppression.ts). */
  secretKey: Buffer;
}

const DUPLICATE_WINDOW_MS = 24 * 3600_000;
const REVIEWS_SHOWN = 50;

// Reference geography changes only with a release, so districts are read once per process.
const districtCache = new WeakMap<Db, Promise<District[]>>();
function districts(db: Db): Promise<District[]> {
  let cached = districtCache.get(db);
  if (!cached) {
    cached = listDistricts(db);
    districtCache.set(db, cached);
    cached.catch(() => districtCache.delete(db));
  }
  return cached;
}

/** Region and district names of a place in one language. */
export async function areaNames(db: Db, row: { region_id: string; district_id: string }, language: Language) {
  const region = (await regions(db)).find((r) => r.id === row.region_id);
  const district = (await districts(db)).find((d) => d.id === row.district_id);
  return {
    regionId: row.region_id,
    regionName: region?.names[language] ?? row.region_id,
    districtId: row.district_id,
    districtName: district?.names[language] ?? row.district_id,
  };
}

const figure = (p: Published) => ({ label: p.kind, count: p.kind === 'count' ? p.count : null });
const rounded = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function exposureOf(row: store.PlaceRow, months: number, counts: ReadonlyMap<string, number> | undefined): PlaceExposure {
  return {
    id: row.id,
    kind: row.kind,
    visitorHoursPerMonth: row.visitor_hours_per_month,
    areaHa: row.area_ha,
    months,
    counts: counts ?? new Map(),
  };
}

interface Rated {
  rating: Rating;
  breakdown: ReturnType<typeof publishBreakdown>;
  priorStars: number;
}

/**
 * Ratings of the places given, each compared with every place of its kind (not only those the
 * filter shows), over the last RATING_MONTHS published months.
 */
async function rate(deps: PlaceSafetyDeps, rows: readonly store.PlaceRow[]): Promise<Map<string, Rated>> {
  const result = new Map<string, Rated>();
  if (rows.length === 0) return result;
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const peers = await store.placesOfKinds(deps.db, kinds);
  const months = await ensurePlaceCounts(deps, peers);
  const counts = await store.countsOver(
    deps.db,
    peers.map((p) => p.id),
    months,
  );
  const exposures = new Map(peers.map((p) => [p.id, exposureOf(p, months.length, counts.get(p.id))]));
  const scores = incidentScores([...exposures.values()]);
  const stats = await store.reviewStats(deps.db);
  let all = { count: 0, sum: 0 };
  for (const s of stats.values()) all = { count: all.count + s.count, sum: all.sum + s.sum };
  const prior = priorStars(all);
  const rankKey = crypto.createHmac('sha256', deps.secretKey).update('aman portal place suppression rank').digest();

  for (const row of rows) {
    const exposure = exposures.get(row.id) ?? exposureOf(row, months.length, counts.get(row.id));
    const rank = (cell: string) =>
      crypto
        .createHmac('sha256', rankKey)
        .update(`${row.id}|${months[0] ?? ''}|${cell}`)
        .digest()
        .readUInt32BE(0);
    const breakdown = publishBreakdown(exposure.counts, rank);
    const rate = publicRate(exposure, breakdown.total);
    const basis = incidentRate(exposure)?.basis;
    const comparable = [...exposures.values()].filter(
      (p) => p.id !== row.id && p.kind === row.kind && basis !== undefined && incidentRate(p)?.basis === basis,
    ).length;
    const own = stats.get(row.id) ?? { count: 0, sum: 0 };
    const stars = bayesianStars(own, prior);
    const incidentScore = scores.get(row.id) ?? null;
    const reviews = reviewScore(stars);
    const combined = combine(incidentScore, reviews);
    result.set(row.id, {
      breakdown,
      priorStars: prior,
      rating: {
        grade: combined?.grade ?? null,
        score: combined?.score ?? null,
        incidents: {
          score: incidentScore,
          total: figure(breakdown.total),
          rate: rate && {
            kind: rate.kind,
            basis: rate.basis,
            value: rate.kind === 'hidden' ? null : rounded(rate.value),
          },
          months: months.length,
          comparedWith: comparable,
        },
        reviews: { score: reviews, stars: stars === null ? null : rounded(stars, 1), count: own.count },
      },
    });
  }
  return result;
}

function method(prior: number) {
  return {
    weights: WEIGHTS,
    priorReviews: PRIOR_REVIEWS,
    priorStars: rounded(prior, 1),
    minPeers: MIN_PEERS,
    months: RATING_MONTHS,
  };
}

async function summaryOf(db: Db, row: store.PlaceRow, rated: Rated, language: Language): Promise<PlaceSummary> {
  return {
    id: row.id,
    kind: row.kind,
    name: row.names[language],
    ...(await areaNames(db, row, language)),
    centre: { lon: row.lon, lat: row.lat },
    rating: rated.rating,
  };
}

/** The public list: filtered by kind, area and name, the best grade first (places without a grade last). */
export async function listPlaces(
  deps: PlaceSafetyDeps,
  language: Language,
  query: { kind?: PlaceKind; region?: string; district?: string; q?: string; sort?: 'grade' | 'name' },
) {
  const rows = await store.places(deps.db, {
    kind: query.kind,
    regionId: query.region,
    districtId: query.district,
    text: query.q?.trim() || undefined,
  });
  const rated = await rate(deps, rows);
  const items = await Promise.all(rows.map((r) => summaryOf(deps.db, r, rated.get(r.id)!, language)));
  const byName = (a: PlaceSummary, b: PlaceSummary) => a.name.localeCompare(b.name, language);
  items.sort(query.sort === 'name' ? byName : (a, b) => (b.rating.score ?? -1) - (a.rating.score ?? -1) || byName(a, b));
  const prior = rated.values().next().value?.priorStars ?? priorStars({ count: 0, sum: 0 });
  return { items, method: method(prior) };
}

/** A place the public may see: a retired one answers 404, exactly like none. */
async function placeOr404(db: Db, id: string): Promise<store.PlaceRow> {
  const row = await store.placeById(db, id);
  if (!row || row.retired_at !== null) throw new AppError('portal.place_not_found', { id });
  return row;
}

/** One place with its rating, the breakdown by category as published, and its approved reviews (contacts masked). */
export async function placeDetail(deps: PlaceSafetyDeps, id: string, language: Language): Promise<PlaceDetail> {
  const row = await placeOr404(deps.db, id);
  const rated = (await rate(deps, [row])).get(row.id)!;
  const names = new Map(crimeCategories(language).map((c) => [c.url, c.name]));
  const reviews = await store.approvedReviews(deps.db, row.id, REVIEWS_SHOWN);
  return {
    ...(await summaryOf(deps.db, row, rated, language)),
    areaHa: rounded(row.area_ha, 1),
    visitors:
      row.visitor_hours_per_month === null
        ? null
        : { hoursPerMonth: row.visitor_hours_per_month, source: row.visitor_source!, asOf: row.visitor_as_of! },
    outline: JSON.parse(row.outline) as PlaceDetail['outline'],
    breakdown: rated.breakdown.categories.map((c) => ({
      category: c.category,
      name: names.get(c.category) ?? c.category,
      value: figure(c.value),
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      stars: r.stars,
      text: r.text === null ? null : maskContacts(r.text),
      displayName: r.display_name === null ? null : maskContacts(r.display_name),
      receivedAt: r.received_at.toISOString(),
    })),
    method: method(rated.priorStars),
  };
}

/**
 * A visitor's review (no sign-in). Stars alone, or with a clean text, are published at once; a
 * text or name the screen flags (profanity, links, spam, contact details, the same text again)
 * waits for a moderator instead. Nothing is dropped.
 */
export async function postReview(
  deps: PlaceSafetyDeps,
  placeId: string,
  input: ReviewRequest,
  language: Language,
): Promise<{ id: string; status: 'published' | 'pending' }> {
  const place = await store.placeById(deps.db, placeId);
  if (!place) throw new AppError('portal.place_not_found', { id: placeId });
  // Someone who knew the place before it was retired is told why, not that it never existed.
  if (place.retired_at !== null) throw new AppError('portal.place_retired', { id: placeId });
  const now = deps.clock();
  const text = input.text?.trim() || null;
  const displayName = input.displayName?.trim() || null;
  const textHash = text ? questionTextHash(text) : null;
  const isDuplicate = textHash
    ? await store.isRecentDuplicate(deps.db, textHash, new Date(now.getTime() - DUPLICATE_WINDOW_MS))
    : false;
  const flags = text || displayName ? screenQuestion({ text: text ?? '', displayName, isDuplicate }) : [];
  const state = flags.length === 0 ? 'approved' : 'pending';
  const id = await store.insertReview(deps.db, {
    place_id: placeId,
    stars: input.stars,
    text,
    display_name: displayName,
    text_hash: textHash,
    language,
    flags,
    state,
    received_at: now,
  });
  return { id, status: state === 'approved' ? 'published' : 'pending' };
}
