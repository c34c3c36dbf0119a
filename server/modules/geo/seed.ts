import fs from 'node:fs';
import type { Database } from '../../db/connection.js';
import { DEMO_STREETS } from './demo-streets.js';
import { districtPopulations, regionPopulations } from './population.js';
import * as store from './store.js';
import type { DistrictsTable, Names, RegionsTable } from './tables.js';

/** About one beat per 20 000 residents, as a district inspector's area; never fewer than 2 or more than 40. */
export const BEAT_PLAN = { peoplePerBeat: 20_000, min: 2, max: 40 } as const;

interface ReferenceRegion {
  kato: string;
  iso3166_2: string;
  type: RegionsTable['kind'];
  name_kk: string;
  name_ru: string;
  name_en: string;
  capital_kk: string;
  capital_ru: string;
  capital_en: string;
  capital_kato: string;
  population: number | null;
  tz: string;
}

interface Collection<P> {
  features: { properties: P; geometry: store.GeoJsonGeometry }[];
}

type DistrictProps = { id: string; regionId: string; kind: DistrictsTable['kind']; names: Names; city?: Names };
type CentreProps = { id: string; regionId: string; kind: 'capital' | 'regional_centre' | 'city'; names: Names };

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8'));

/**
 * Loads Kazakhstan's regions, districts, beats, settlements and demo streets. Does nothing when
 * they are already there; all or nothing otherwise.
 */
export async function seedGeo(database: Database): Promise<void> {
  if (await store.hasRegions(database.db)) return;
  const reference = read<{ national_population: { value: number }; regions: ReferenceRegion[] }>('regions.json');
  const regionShapes = new Map(
    read<Collection<{ id: string }>>('regions.geojson').features.map((f) => [f.properties.id, f.geometry]),
  );
  const districts = read<Collection<DistrictProps>>('districts.geojson').features;
  const centres = read<Collection<CentreProps>>('centres.geojson').features;

  await database.db.transaction().execute(async (db) => {
    await store.insertRegions(
      db,
      reference.regions.map((r) => ({
        id: r.kato,
        iso: r.iso3166_2,
        kind: r.type,
        names: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
        capital: { kk: r.capital_kk, ru: r.capital_ru, en: r.capital_en, kato: r.capital_kato },
        tz: r.tz,
        geometry: regionShapes.get(r.kato)!,
      })),
    );
    await store.insertDistricts(
      db,
      districts.map(({ properties: p, geometry }) => ({ ...p, geometry })),
    );

    const published = new Map(reference.regions.map((r) => [r.kato, r.population]));
    const regions = regionPopulations(
      reference.national_population.value,
      (await store.regionAreas(db)).map((r) => ({ ...r, population: published.get(r.id) ?? null })),
    );
    await store.setPopulations(db, 'regions', regions);
    const perDistrict = districtPopulations(new Map(regions.map((r) => [r.id, r.population])), await store.districtAreas(db));
    await store.setPopulations(
      db,
      'districts',
      [...perDistrict].map(([id, population]) => ({ id, population, estimated: true })),
    );

    await store.insertCentres(
      db,
      centres.map(({ properties: p, geometry }) => {
        const [lon, lat] = geometry.coordinates as [number, number];
        return { kato: p.id, regionId: p.regionId, kind: p.kind, names: p.names, lon, lat };
      }),
    );
    // No source gives the centres of rural districts: they get a point inside the district,
    // named after it. A city administration's centre is the city itself.
    await store.insertDistrictCentres(
      db,
      districts.map(({ properties: p }) =>
        p.city
          ? { districtId: p.id, kind: 'city', names: p.city }
          : { districtId: p.id, kind: 'district_centre', names: p.names },
      ),
    );
    await store.insertBeats(db, BEAT_PLAN);
    await store.insertStreets(
      db,
      DEMO_STREETS.map((s) => ({ city: s.city, names: s.names, lon: s.at[0], lat: s.at[1] })),
    );
    const counts = await store.seedCounts(db);
    const complete =
      counts?.regions === reference.regions.length &&
      counts.districts === districts.length &&
      counts.without_centre === 0 &&
      counts.fewest_beats >= BEAT_PLAN.min &&
      counts.streets === DEMO_STREETS.length;
    if (!complete) throw new Error(`seeding the geography went wrong: ${JSON.stringify(counts)}`);
  });
}
