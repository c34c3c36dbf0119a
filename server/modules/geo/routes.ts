import { Type } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { publicAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { requestLanguage } from '../../http/language.js';
import { GEO_ATTRIBUTION } from './attribution.js';
import type { Geocoder } from './geocoder.js';
import {
  BeatView,
  BoundariesQuery,
  DistrictParams,
  ClientConfigView,
  DistrictView,
  FeatureCollection,
  RegionParams,
  RegionView,
  ResolveQuery,
  ResolveView,
  SearchQuery,
  SearchResultView,
} from './schema.js';
import { boundaries, listBeats, listDistricts, listRegions, locatePoint } from './service.js';

export interface GeoDeps {
  db: Db;
  config: Pick<Config, 'mapTileUrl'>;
  geocoder: Geocoder;
}

/** Geography for everyone: regions, districts, boundaries, point lookup, search, map settings. */
export function registerGeo(app: App, { db, config, geocoder }: GeoDeps): void {
  const access = { access: publicAccess() };

  app.get(
    '/api/v1/geo/regions',
    { config: access, schema: { tags: ['geo'], summary: 'The 20 regions', response: { 200: Type.Array(RegionView) } } },
    async (req) => {
      const language = requestLanguage(req);
      return (await listRegions(db)).map((r) => ({ ...r, name: r.names[language], capital: r.capital[language] }));
    },
  );

  app.get(
    '/api/v1/geo/regions/:id/districts',
    {
      config: access,
      schema: {
        tags: ['geo'],
        summary: 'The districts of a region',
        params: RegionParams,
        response: { 200: Type.Array(DistrictView) },
      },
    },
    async (req) => {
      const districts = await listDistricts(db, req.params.id);
      if (districts.length === 0) throw new AppError('resource.not_found', { regionId: req.params.id });
      const language = requestLanguage(req);
      return districts.map((d) => ({ ...d, name: d.names[language] }));
    },
  );

  app.get(
    '/api/v1/geo/districts/:id/beats',
    {
      config: access,
      schema: {
        tags: ['geo'],
        summary: 'The beats (neighbourhoods) of a district, without geometry',
        params: DistrictParams,
        response: { 200: Type.Array(BeatView) },
      },
    },
    async (req) => {
      const beats = await listBeats(db, req.params.id, requestLanguage(req));
      if (!beats) throw new AppError('resource.not_found', { districtId: req.params.id });
      return beats;
    },
  );

  app.get(
    '/api/v1/geo/boundaries',
    {
      config: access,
      schema: {
        tags: ['geo'],
        summary: 'Boundaries as a GeoJSON FeatureCollection; beats need a regionId',
        querystring: BoundariesQuery,
        response: { 200: FeatureCollection },
      },
    },
    async (req) => {
      const { level, regionId } = req.query;
      if (level === 'beat' && !regionId) throw new AppError('request.invalid', { detail: 'level=beat needs regionId' });
      const collection = await boundaries(db, level, requestLanguage(req), regionId);
      if (regionId && collection.features.length === 0) throw new AppError('resource.not_found', { regionId });
      return collection;
    },
  );

  app.get(
    '/api/v1/geo/resolve',
    {
      config: access,
      schema: {
        tags: ['geo'],
        summary: 'The region, district, beat and H3 cell of a point; 422 outside Kazakhstan',
        querystring: ResolveQuery,
        response: { 200: ResolveView },
      },
    },
    async (req) => {
      const located = await locatePoint(db, req.query);
      if (!located) throw new AppError('geo.outside_kazakhstan', { lon: req.query.lon, lat: req.query.lat });
      const language = requestLanguage(req);
      return {
        region: { id: located.region.id, name: located.region.names[language] },
        district: { id: located.district.id, name: located.district.names[language] },
        beat: located.beat,
        h3: located.h3,
      };
    },
  );

  app.get(
    '/api/v1/geo/search',
    {
      config: access,
      schema: {
        tags: ['geo'],
        summary: 'Places and streets by name',
        querystring: SearchQuery,
        response: { 200: Type.Array(SearchResultView) },
      },
    },
    async (req) => geocoder.search(req.query.q, requestLanguage(req), req.query.limit),
  );

  app.get(
    '/api/v1/client-config',
    {
      config: access,
      schema: { tags: ['geo'], summary: 'Map settings for the web client', response: { 200: ClientConfigView } },
    },
    async () => ({ mapTileUrl: config.mapTileUrl, attribution: GEO_ATTRIBUTION }),
  );
}
