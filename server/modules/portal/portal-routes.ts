import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/connection.js';
import { publicAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { requestLanguage } from '../../http/language.js';
import { locatePoint } from '../geo/index.js';
import { cachedAggregate, replyFresh } from './aggregate-cache.js';
import { findNeighbourhood } from './neighbourhoods.js';
import { checkPoint } from './open-data.js';
import { LocatedNeighbourhood, NeighbourhoodSummaryView } from './portal-schema.js';
import { neighbourhoodSummary } from './summary.js';
import { publicTeam } from './neighbourhood-team.js';

const tags = ['portal'];
const access = { access: publicAccess() };

/** The citizen's portal: find my neighbourhood, and its figures. */
export function registerPortalRoutes(app: App, { db, clock }: { db: Db; clock: () => Date }): void {
  app.get(
    '/api/v1/portal/locate',
    {
      config: access,
      schema: {
        tags,
        summary: 'The neighbourhood (police beat) of a point; 422 outside Kazakhstan',
        querystring: Type.Object({ lat: Type.Number(), lng: Type.Number() }, { additionalProperties: false }),
        response: { 200: LocatedNeighbourhood },
      },
    },
    async (req) => {
      checkPoint(req.query.lat, req.query.lng);
      const located = await locatePoint(db, { lon: req.query.lng, lat: req.query.lat });
      if (!located) throw new AppError('geo.outside_kazakhstan', { lat: req.query.lat, lng: req.query.lng });
      const language = requestLanguage(req);
      const beat = await findNeighbourhood(db, located.beat.id, language, located.region.id);
      return {
        beat: { id: located.beat.id, number: located.beat.number, name: beat?.name ?? String(located.beat.number) },
        district: { id: located.district.id, name: located.district.names[language] },
        region: { id: located.region.id, name: located.region.names[language] },
      };
    },
  );

  app.get(
    '/api/v1/portal/neighbourhoods/:beatId',
    {
      config: access,
      schema: {
        tags,
        summary:
          'Recorded offences of a neighbourhood, its district and the country, with small counts suppressed; its team, priorities and coming meetings',
        params: Type.Object({ beatId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: NeighbourhoodSummaryView },
      },
    },
    async (req, reply) => {
      const language = requestLanguage(req);
      const found = await findNeighbourhood(db, req.params.beatId, language);
      if (!found) throw new AppError('portal.neighbourhood_not_found', { beatId: req.params.beatId });
      const summary = await cachedAggregate(db, `neighbourhood|${found.id}|${language}`, () =>
        neighbourhoodSummary(db, found, language),
      );
      if (!summary) throw new AppError('portal.month_not_published');
      // The team changes any day, so it is read beside the month's cached figures, and a browser
      // asks again each time (a 304 while nothing changed): an editor's change shows on reload.
      return replyFresh(req, reply, { ...summary, team: await publicTeam({ db, clock }, found, language) });
    },
  );
}
