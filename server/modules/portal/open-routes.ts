import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/connection.js';
import { publicAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { requestLanguage } from '../../http/language.js';
import { locatePoint } from '../geo/index.js';
import { replyFromSnapshot } from './aggregate-cache.js';
import { findNeighbourhood, findRegion, forceName, neighbourhoodRing, regionNeighbourhoods, regions } from './neighbourhoods.js';
import {
  checkPoint,
  crimesAtLocation,
  crimesWithoutLocation,
  lastUpdated,
  outcomesForCrime,
  resolveMonth,
  streetCrimes,
} from './open-data.js';
import {
  AtLocationQuery,
  Boundary,
  CategoryView,
  Crime,
  DateQuery,
  Force,
  ForceDetail,
  ForceParams,
  LocateQuery,
  LocateView,
  NeighbourhoodDetail,
  NeighbourhoodParams,
  NoLocationQuery,
  OutcomesForCrime,
  StreetQuery,
} from './open-schema.js';
import { CrimeCollection, crimesAsCsv, crimesAsGeoJson } from './formats.js';
import { crimeCategories } from './police-uk.js';
import { OpenEvent, OpenPerson, OpenPriority, openEvents, openPeople, openPriorities } from './neighbourhood-team-open.js';

const OPEN = '/api/v1/open';
const tags = ['open data'];
const access = { access: publicAccess() };
const latLng = ([lon, lat]: [number, number]) => ({ latitude: lat.toFixed(6), longitude: lon.toFixed(6) });

/** The open data API, in data.police.uk's paths and shapes; a force is a region, a neighbourhood a beat. */
export function registerOpenData(app: App, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get(
    `${OPEN}/crime-categories`,
    {
      config: access,
      schema: {
        tags,
        summary: 'Crime categories, all-crime first',
        querystring: DateQuery,
        response: { 200: Type.Array(CategoryView) },
      },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => {
        if (req.query.date !== undefined) await resolveMonth(db, req.query.date);
        return { payload: crimeCategories(requestLanguage(req)) };
      }),
  );

  app.get(
    `${OPEN}/crime-last-updated`,
    {
      config: access,
      schema: {
        tags,
        summary: 'The latest published month',
        response: { 200: Type.Object({ date: Type.String({ examples: ['2024-01-01'] }) }) },
      },
    },
    async (req, reply) => replyFromSnapshot(req, reply, db, async () => ({ payload: await lastUpdated(db) })),
  );

  app.get(
    `${OPEN}/crimes-street/:category`,
    {
      config: access,
      schema: {
        tags,
        summary: 'Street-level crimes within one mile of a point, or inside a polygon; 503 over 10,000',
        description:
          'Each crime is shown at the centre of an H3 cell (resolution 9 or coarser) that holds at least 3 distinct true ' +
          'locations of the month; domestic violence, sexual offences and offences against children are never points.',
        params: Type.Object(
          { category: Type.String({ maxLength: 64, examples: ['all-crime', 'burglary'] }) },
          { additionalProperties: false },
        ),
        querystring: StreetQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: Type.Array(Crime) },
              'application/geo+json': { schema: CrimeCollection },
              'text/csv': { schema: Type.String() },
            },
          },
        },
      },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => {
        const language = requestLanguage(req);
        const { format = 'json', ...query } = req.query;
        const crimes = await streetCrimes(db, { ...query, category: req.params.category }, language);
        switch (format) {
          case 'json':
            return { payload: crimes, contentType: 'application/json' };
          case 'geojson':
            return { payload: crimesAsGeoJson(crimes), contentType: 'application/geo+json' };
          case 'csv':
            return { payload: crimesAsCsv(crimes, language), contentType: 'text/csv; charset=utf-8' };
        }
      }),
  );

  app.get(
    `${OPEN}/crimes-at-location`,
    {
      config: access,
      schema: {
        tags,
        summary: 'Crimes at one anonymous map location (by id, or the nearest to lat/lng)',
        querystring: AtLocationQuery,
        response: { 200: Type.Array(Crime) },
      },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => ({ payload: await crimesAtLocation(db, req.query, requestLanguage(req)) })),
  );

  app.get(
    `${OPEN}/crimes-no-location`,
    {
      config: access,
      schema: {
        tags,
        summary: 'A force’s crimes published without a map location',
        querystring: NoLocationQuery,
        response: { 200: Type.Array(Crime) },
      },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => ({
        payload: await crimesWithoutLocation(
          db,
          req.query,
          async (id) => (await findRegion(db, id)) !== undefined,
          requestLanguage(req),
        ),
      })),
  );

  app.get(
    `${OPEN}/outcomes-for-crime/:persistentId`,
    {
      config: access,
      schema: {
        tags,
        summary: 'A crime and its outcomes, by persistent id',
        params: Type.Object({ persistentId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: OutcomesForCrime },
      },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => ({
        payload: await outcomesForCrime(db, req.params.persistentId, requestLanguage(req)),
      })),
  );

  app.get(
    `${OPEN}/forces`,
    { config: access, schema: { tags, summary: 'Police forces: one per region', response: { 200: Type.Array(Force) } } },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => {
        const language = requestLanguage(req);
        return { payload: (await regions(db)).map((r) => ({ id: r.id, name: forceName(r, language) })) };
      }),
  );

  app.get(
    `${OPEN}/forces/:force`,
    { config: access, schema: { tags, summary: 'One police force', params: ForceParams, response: { 200: ForceDetail } } },
    async (req) => {
      const region = await findRegion(db, req.params.force);
      if (!region) throw new AppError('portal.force_not_found', { force: req.params.force });
      return {
        description: null,
        url: '',
        engagement_methods: [],
        telephone: '102',
        id: region.id,
        name: forceName(region, requestLanguage(req)),
      };
    },
  );

  app.get(
    `${OPEN}/:force/neighbourhoods`,
    {
      config: access,
      schema: {
        tags,
        summary: 'A force’s neighbourhoods (police beats)',
        params: ForceParams,
        response: { 200: Type.Array(Force) },
      },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => {
        const beats = await regionNeighbourhoods(db, req.params.force, requestLanguage(req));
        if (!beats) throw new AppError('portal.force_not_found', { force: req.params.force });
        return { payload: beats.map((b) => ({ id: b.id, name: b.name })) };
      }),
  );

  const neighbourhood = async (force: string, id: string, language: ReturnType<typeof requestLanguage>) => {
    if (!(await findRegion(db, force))) throw new AppError('portal.force_not_found', { force });
    const found = await findNeighbourhood(db, id, language, force);
    if (!found) throw new AppError('portal.neighbourhood_not_found', { neighbourhood: id });
    return found;
  };

  app.get(
    `${OPEN}/:force/:neighbourhood`,
    {
      config: access,
      schema: { tags, summary: 'One neighbourhood', params: NeighbourhoodParams, response: { 200: NeighbourhoodDetail } },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => {
        const language = requestLanguage(req);
        const found = await neighbourhood(req.params.force, req.params.neighbourhood, language);
        const ring = await neighbourhoodRing(db, found, language);
        const centre: [number, number] = ring.length
          ? [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length]
          : [0, 0];
        return {
          payload: {
            url_force: '',
            contact_details: {},
            name: found.name,
            links: [],
            centre: latLng(centre),
            locations: [],
            description: null,
            id: found.id,
            population: String(found.population),
          },
        };
      }),
  );

  app.get(
    `${OPEN}/:force/:neighbourhood/boundary`,
    {
      config: access,
      schema: { tags, summary: 'A neighbourhood’s boundary', params: NeighbourhoodParams, response: { 200: Boundary } },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => {
        const language = requestLanguage(req);
        const found = await neighbourhood(req.params.force, req.params.neighbourhood, language);
        return { payload: (await neighbourhoodRing(db, found, language)).map(latLng) };
      }),
  );

  app.get(
    `${OPEN}/:force/:neighbourhood/people`,
    {
      config: access,
      schema: { tags, summary: 'A neighbourhood’s team', params: NeighbourhoodParams, response: { 200: Type.Array(OpenPerson) } },
    },
    async (req) => {
      const language = requestLanguage(req);
      return openPeople(db, await neighbourhood(req.params.force, req.params.neighbourhood, language), language);
    },
  );

  app.get(
    `${OPEN}/:force/:neighbourhood/priorities`,
    {
      config: access,
      schema: {
        tags,
        summary: 'A neighbourhood’s current priorities, agreed with its residents, and what was done',
        params: NeighbourhoodParams,
        response: { 200: Type.Array(OpenPriority) },
      },
    },
    async (req) => {
      const language = requestLanguage(req);
      return openPriorities(db, await neighbourhood(req.params.force, req.params.neighbourhood, language), language);
    },
  );

  app.get(
    `${OPEN}/:force/:neighbourhood/events`,
    {
      config: access,
      schema: {
        tags,
        summary: 'A neighbourhood’s coming meetings',
        params: NeighbourhoodParams,
        response: { 200: Type.Array(OpenEvent) },
      },
    },
    async (req) => {
      const language = requestLanguage(req);
      return openEvents(db, await neighbourhood(req.params.force, req.params.neighbourhood, language), language, clock());
    },
  );

  app.get(
    `${OPEN}/locate-neighbourhood`,
    {
      config: access,
      schema: {
        tags,
        summary: 'The force and neighbourhood of a point, q=lat,lng',
        querystring: LocateQuery,
        response: { 200: LocateView },
      },
    },
    async (req) => {
      const [lat, lng, ...rest] = req.query.q.split(',').map((n) => (n.trim() === '' ? NaN : Number(n)));
      if (lat === undefined || lng === undefined || rest.length > 0)
        throw new AppError('geo.invalid_coordinates', { q: req.query.q });
      checkPoint(lat, lng);
      const located = await locatePoint(db, { lon: lng, lat });
      if (!located) throw new AppError('portal.neighbourhood_not_found', { q: req.query.q });
      return { force: located.region.id, neighbourhood: located.beat.id };
    },
  );
}
