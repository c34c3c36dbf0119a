import { Type } from '@sinclair/typebox';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { callerOf } from './caller.js';
import { answerCentreReferral, listCentres, referToCentre, registerCentre, updateOccupancy } from './crisis-centres.js';
import type { PreventionDeps } from './deps.js';
import {
  CentreListQuery,
  CentreReferralRequest,
  CentreReferralView,
  CentreRequest,
  CentreView,
  DecisionRequest,
  IdParams,
  OccupancyRequest,
} from './schema.js';

const tags = ['prevention'];
// Crisis-centre staff are partners; the service checks they speak for a crisis centre.
const centreStaff = staffAccess(['supervisor', 'partner'], 'region');

export function registerCrisisCentreRoutes(app: App, deps: PreventionDeps): void {
  app.get(
    '/api/v1/prevention/crisis-centres',
    {
      config: { access: staffAccess(['officer', 'supervisor', 'partner'], 'beat') },
      schema: {
        tags,
        summary: 'Crisis centres and shelters of the caller’s region, most free beds first; freeBeds=n keeps those with room now',
        querystring: CentreListQuery,
        response: { 200: Type.Array(CentreView) },
      },
    },
    async (req) => listCentres(deps, callerOf(req), req.query),
  );
  app.post(
    '/api/v1/prevention/crisis-centres',
    {
      config: { access: staffAccess(['admin', 'supervisor'], 'region') },
      schema: {
        tags,
        summary: 'Register a crisis centre or shelter of a region',
        body: CentreRequest,
        response: { 201: CentreView },
      },
    },
    async (req, reply) => reply.code(201).send(await registerCentre(deps, callerOf(req), req.body)),
  );
  app.put(
    '/api/v1/prevention/crisis-centres/:id/occupancy',
    {
      config: { access: centreStaff },
      schema: {
        tags,
        summary: 'Report the beds taken now',
        params: IdParams,
        body: OccupancyRequest,
        response: { 200: CentreView },
      },
    },
    async (req) => updateOccupancy(deps, callerOf(req), req.params.id, req.body.bedsOccupied),
  );
  app.post(
    '/api/v1/prevention/crisis-centres/:id/referrals',
    {
      config: { access: staffAccess(['officer', 'supervisor'], 'beat') },
      schema: {
        tags,
        summary: 'Refer a victim (and children) to a centre of the caller’s region',
        params: IdParams,
        body: CentreReferralRequest,
        response: { 201: CentreReferralView },
      },
    },
    async (req, reply) => reply.code(201).send(await referToCentre(deps, callerOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/prevention/crisis-referrals/:id/decision',
    {
      config: { access: centreStaff },
      schema: {
        tags,
        summary: 'The centre accepts a referral (taking the beds) or refuses it with a reason',
        params: IdParams,
        body: DecisionRequest,
        response: { 200: CentreReferralView },
      },
    },
    async (req) => answerCentreReferral(deps, callerOf(req), req.params.id, req.body),
  );
}
