import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/connection.js';
import { publicAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { requestLanguage } from '../../http/language.js';
import { replyFromSnapshot } from './aggregate-cache.js';
import { crimeMap } from './map.js';
import { crimeCategories } from './police-uk.js';
import { SUMMARY_MONTHS } from './summary.js';
import * as store from './store.js';

const tags = ['portal'];
const access = { access: publicAccess() };

const Value = Type.Object({
  count: Type.Integer({ minimum: 0, description: 'what may be shown; a lower bound when label is at-least' }),
  hidden: Type.Integer({ minimum: 0, description: 'how many published cells behind this figure were hidden' }),
  label: Type.Union([Type.Literal('count'), Type.Literal('fewer-than-5'), Type.Literal('withheld'), Type.Literal('at-least')]),
});

const MapView = Type.Object({
  month: Type.String({ examples: ['2026-10'] }),
  level: Type.Union([Type.Literal('region'), Type.Literal('district'), Type.Literal('location')]),
  items: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), lon: Type.Number(), lat: Type.Number(), value: Value }),
  ),
});

const MapQuery = Type.Object(
  {
    category: Type.String({ maxLength: 64, default: 'all-crime', examples: ['all-crime', 'burglary'] }),
    month: Type.Optional(Type.String({ maxLength: 7, examples: ['2026-10'] })),
    zoom: Type.Number({ minimum: 0, maximum: 24 }),
    west: Type.Number(),
    south: Type.Number(),
    east: Type.Number(),
    north: Type.Number(),
  },
  { additionalProperties: false },
);

/** The crime map's figures for a view, and the choices its filters offer. */
export function registerMapRoutes(app: App, { db }: { db: Db }): void {
  app.get(
    '/api/v1/portal/map',
    {
      config: access,
      schema: {
        tags,
        summary: 'Crime map figures inside a box: regions (zoom < 6), districts (< 10) or anonymous points',
        description:
          'Street-level categories only: domestic violence, sexual offences and offences against children are never on the map. ' +
          'Area figures are published (suppressed) counts; a point with 1 to 4 crimes is labelled fewer-than-5.',
        querystring: MapQuery,
        response: { 200: MapView },
      },
    },
    async (req, reply) => {
      const { category, month, zoom, ...box } = req.query;
      return replyFromSnapshot(req, reply, db, async () => ({
        payload: await crimeMap(db, { category, zoom, box, ...(month === undefined ? {} : { month }) }, requestLanguage(req)),
      }));
    },
  );

  app.get(
    '/api/v1/portal/map/filters',
    {
      config: access,
      schema: {
        tags,
        summary: 'Published months (newest first) and the categories the map can show',
        response: {
          200: Type.Object({
            months: Type.Array(Type.String()),
            categories: Type.Array(Type.Object({ url: Type.String(), name: Type.String() })),
          }),
        },
      },
    },
    async (req, reply) =>
      replyFromSnapshot(req, reply, db, async () => ({
        payload: {
          months: await store.publishedMonths(db, SUMMARY_MONTHS),
          categories: crimeCategories(requestLanguage(req)),
        },
      })),
  );
}
