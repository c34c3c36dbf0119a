export { GEO_ATTRIBUTION } from './attribution.js';
export { registerGeo, type GeoDeps } from './routes.js';
export { seedGeo } from './seed.js';
export {
  resolvePoint,
  locatePoint,
  listRegions,
  listDistricts,
  listBeats,
  boundaries,
  samplePoints,
  H3_RESOLUTION,
  type LonLat,
  type ResolvedPoint,
  type LocatedPoint,
  type Region,
  type District,
  type Beat,
  type BoundaryLevel,
  type BoundaryCollection,
  type SampledPoint,
} from './service.js';
export { createGeocoder, type Geocoder, type GeocodeResult, type GeocodeKind } from './geocoder.js';
export { normaliseJurisdiction, firstDistrictAndBeat } from './jurisdiction.js';
export type { Names, RegionsTable, DistrictsTable, BeatsTable, SettlementsTable, StreetsTable } from './tables.js';
