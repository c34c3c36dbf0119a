import type { ColumnType, Generated } from 'kysely';
import type { Language } from '../../../common/roles.js';

export type Names = Record<Language, string>;
/** jsonb: read as an object, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;
/** PostGIS columns are read and written through SQL functions, never as raw values. */
type Geometry = ColumnType<unknown, never, never>;

export interface RegionsTable {
  id: string;
  iso: string;
  kind: 'oblast' | 'city_of_republican_significance';
  names: Json<Names>;
  capital: Json<Names & { kato: string }>;
  tz: string;
  population: number;
  population_estimated: boolean;
  geom: Geometry;
}

export interface DistrictsTable {
  id: string;
  region_id: string;
  kind: 'city' | 'district' | 'city_district';
  names: Json<Names>;
  population: number;
  population_estimated: boolean;
  centre: Geometry;
  geom: Geometry;
}

export interface BeatsTable {
  id: string;
  district_id: string;
  region_id: string;
  number: number;
  geom: Geometry;
}

export interface SettlementsTable {
  id: Generated<number>;
  kato: string | null;
  region_id: string;
  district_id: string | null;
  kind: 'capital' | 'regional_centre' | 'city' | 'district_centre';
  names: Json<Names>;
  approximate: boolean;
  point: Geometry;
}

export interface StreetsTable {
  id: Generated<number>;
  region_id: string;
  district_id: string | null;
  settlement_id: number | null;
  names: Json<Names>;
  demo: boolean;
  geom: Geometry;
}

declare module '../../db/tables.js' {
  interface Tables {
    regions: RegionsTable;
    districts: DistrictsTable;
    beats: BeatsTable;
    settlements: SettlementsTable;
    streets: StreetsTable;
  }
}
