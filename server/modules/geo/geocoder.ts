import type { Language } from '../../../common/roles.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { resolvePoint } from './service.js';
import * as store from './store.js';

export type GeocodeKind = 'region' | 'district' | 'settlement' | 'street';

export interface GeocodeResult {
  label: string;
  kind: GeocodeKind;
  point: { type: 'Point'; coordinates: [number, number] };
  regionId: string;
  districtId: string | null;
}

/** Text → places in Kazakhstan, best match first. */
export interface Geocoder {
  search(query: string, language: Language, limit: number): Promise<GeocodeResult[]>;
}

// Kazakh letters typed on a Russian keyboard, and ё typed as е, must still match.
const FOLDED: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ё: 'е' };

/** Lower case, Kazakh letters folded to their Russian neighbours, punctuation to spaces. */
export function normaliseQuery(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[әғқңөұүһіё]/g, (c) => FOLDED[c] ?? c)
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 0 exact, 1 prefix, 2 a later word's prefix, 3 anywhere inside; null for no match. */
function matchRank(name: string, query: string): number | null {
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (name.includes(' ' + query)) return 2;
  return name.includes(query) ? 3 : null;
}

const KIND_ORDER: Record<GeocodeKind, number> = { region: 0, settlement: 1, district: 2, street: 3 };

interface IndexedPlace {
  row: store.PlaceRow;
  keys: string[];
}

/** Searches the names of regions, districts, settlements and streets in all three languages. */
export function createBuiltinGeocoder(db: Db): Geocoder {
  let index: Promise<IndexedPlace[]> | null = null;
  const load = () => {
    if (!index) {
      index = store
        .listPlaces(db)
        .then((rows) => rows.map((row) => ({ row, keys: [...new Set(Object.values(row.names).map(normaliseQuery))] })));
      index.catch(() => (index = null));
    }
    return index;
  };
  return {
    async search(query, language, limit) {
      const wanted = normaliseQuery(query);
      if (!wanted) return [];
      const found: { rank: number; result: GeocodeResult }[] = [];
      for (const { row, keys } of await load()) {
        const ranks = keys.map((key) => matchRank(key, wanted)).filter((r): r is number => r !== null);
        if (ranks.length === 0) continue;
        const name = row.names[language];
        found.push({
          rank: Math.min(...ranks),
          result: {
            label: row.context ? `${name}, ${row.context[language]}` : name,
            kind: row.kind,
            point: { type: 'Point', coordinates: [row.lon, row.lat] },
            regionId: row.region_id,
            districtId: row.district_id,
          },
        });
      }
      found.sort(
        (a, b) =>
          a.rank - b.rank ||
          KIND_ORDER[a.result.kind] - KIND_ORDER[b.result.kind] ||
          a.result.label.length - b.result.label.length ||
          a.result.label.localeCompare(b.result.label),
      );
      return found.slice(0, limit).map((f) => f.result);
    },
  };
}

interface NominatimPlace {
  lat: string;
  lon: string;
  display_name: string;
  category?: string;
  addresstype?: string;
}

function nominatimKind(place: NominatimPlace): GeocodeKind {
  if (place.category === 'highway' || place.addresstype === 'road') return 'street';
  switch (place.addresstype) {
    case 'state':
      return 'region';
    case 'county':
    case 'district':
    case 'city_district':
    case 'municipality':
      return 'district';
    default:
      return 'settlement';
  }
}

/**
 * A Nominatim-compatible geocoder (`/search?format=jsonv2`). Each result is placed in Aman's
 * own geography; results outside it are dropped.
 */
export function createHttpGeocoder(baseUrl: string, db: Db, options: { timeoutMs?: number } = {}): Geocoder {
  const endpoint = baseUrl.replace(/\/+$/, '') + '/search';
  return {
    async search(query, language, limit) {
      const url = new URL(endpoint);
      url.search = new URLSearchParams({
        q: query,
        format: 'jsonv2',
        countrycodes: 'kz',
        'accept-language': language,
        limit: String(limit),
      }).toString();
      const response = await fetch(url, {
        headers: { accept: 'application/json', 'user-agent': 'Aman public-safety system' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      if (!response.ok) throw new Error(`geocoder answered ${response.status}`);
      const places = (await response.json()) as NominatimPlace[];
      const results: GeocodeResult[] = [];
      for (const place of places) {
        const lon = Number(place.lon);
        const lat = Number(place.lat);
        const where = Number.isFinite(lon) && Number.isFinite(lat) ? await resolvePoint(db, { lon, lat }) : null;
        if (!where) continue;
        results.push({
          label: place.display_name,
          kind: nominatimKind(place),
          point: { type: 'Point', coordinates: [lon, lat] },
          regionId: where.regionId,
          districtId: where.districtId,
        });
      }
      return results;
    },
  };
}

/** Tries the first geocoder; if it fails (down, slow, answering errors), answers from the second. */
function withFallback(primary: Geocoder, fallback: Geocoder): Geocoder {
  return {
    async search(query, language, limit) {
      try {
        return await primary.search(query, language, limit);
      } catch {
        return fallback.search(query, language, limit);
      }
    },
  };
}

/** The HTTP geocoder when GEOCODER_URL is set (falling back to the built-in one), else the built-in one. */
export function createGeocoder(config: Pick<Config, 'geocoderUrl'>, db: Db): Geocoder {
  const builtin = createBuiltinGeocoder(db);
  return config.geocoderUrl ? withFallback(createHttpGeocoder(config.geocoderUrl, db), builtin) : builtin;
}
