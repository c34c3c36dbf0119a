import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { Page } from '../../http/paging.js';
import { callerOf } from './caller.js';
import type { PreventionDeps } from './deps.js';
import { issueOrder, listOrders, recordViolation } from './orders.js';
import { IdParams, OrderListQuery, OrderRequest, OrderView, ViolationRequest, ViolationView } from './schema.js';

const caseTeam = staffAccess(['officer', 'supervisor'], 'beat');
const tags = ['prevention'];

export function registerOrderRoutes(app: App, deps: PreventionDeps): void {
  app.post(
    '/api/v1/prevention/cases/:id/orders',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Issue a police protection order (30 days) or record the court’s special requirements (3–12 months)',
        params: IdParams,
        body: OrderRequest,
        response: { 201: OrderView },
      },
    },
    async (req, reply) => reply.code(201).send(await issueOrder(deps, callerOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/prevention/orders',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Protection orders in the caller’s jurisdiction; expiringWithinDays gives the reminder list',
        querystring: OrderListQuery,
        response: { 200: Page(OrderView) },
      },
    },
    async (req) => listOrders(deps, callerOf(req).user.jurisdiction, req.query),
  );
  app.post(
    '/api/v1/prevention/orders/:id/violations',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: 'Record a breach of an order in force: the case needs a reassessment and the referral rules run',
        params: IdParams,
        body: ViolationRequest,
        response: { 201: ViolationView },
      },
    },
    async (req, reply) => reply.code(201).send(await recordViolation(deps, callerOf(req), req.params.id, req.body)),
  );
}
