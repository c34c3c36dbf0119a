import { Type } from '@sinclair/typebox';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { Page } from '../../http/paging.js';
import { registerAssignmentRoutes } from './assignment-routes.js';
import { registerResponseTimeRoutes } from './response-time-routes.js';
import { staffOf } from './request-staff.js';
import {
  CreateUnitRequest,
  EmergencyRequest,
  MyUnitView,
  PositionsReceipt,
  PositionsRequest,
  UnitId,
  UnitListQuery,
  UnitStatusRequest,
  UnitView,
  UpdateUnitRequest,
} from './schema.js';
import {
  changeUnitStatus,
  createUnit,
  getUnit,
  listUnitsFor,
  myUnits,
  recordPositions,
  setUnitEmergency,
  updateUnitBy,
  type DispatchDeps,
} from './service.js';

const readers = staffAccess(['operator', 'supervisor', 'officer', 'admin'], 'beat');
const managers = staffAccess(['admin', 'supervisor'], 'district');
// A unit's officers act on it wherever their own jurisdiction lies: membership is the authority,
// checked by the service, so these routes declare `self`.
const ownUnit = staffAccess(['officer'], 'self');
// The threshold travels with the list so a console ageing positions between two polls flags them as the server would.
const UnitPage = Type.Composite([Page(UnitView), Type.Object({ staleAfterSeconds: Type.Integer({ minimum: 0 }) })]);

/** Units: the console's list, the officer's own unit, positions from the field, status and panic. */
export function registerDispatchRoutes(app: App, deps: DispatchDeps): void {
  registerAssignmentRoutes(app, deps);
  registerResponseTimeRoutes(app, deps);
  app.get(
    '/api/v1/units',
    {
      config: { access: readers },
      schema: {
        tags: ['dispatch'],
        summary: 'Units inside the caller’s jurisdiction: units in an emergency first, then by call sign',
        description:
          'Each position carries its age; one older than AMAN_STALE_POSITION_SECONDS (`staleAfterSeconds`) is marked stale.',
        querystring: UnitListQuery,
        response: { 200: UnitPage },
      },
    },
    async (req) => listUnitsFor(deps, staffOf(req), req.query),
  );
  app.get(
    '/api/v1/units/mine',
    {
      config: { access: ownUnit },
      schema: {
        tags: ['dispatch'],
        summary: 'The officer’s own units, each with the incident it is sent to and its caution flag',
        response: { 200: Type.Array(MyUnitView) },
      },
    },
    async (req) => myUnits(deps, staffOf(req)),
  );
  app.get(
    '/api/v1/units/:id',
    {
      config: { access: readers },
      schema: { tags: ['dispatch'], params: UnitId, response: { 200: UnitView } },
    },
    async (req) => getUnit(deps, staffOf(req), req.params.id),
  );
  app.post(
    '/api/v1/units',
    {
      config: { access: managers },
      schema: { tags: ['dispatch'], summary: 'Create a unit', body: CreateUnitRequest, response: { 201: UnitView } },
    },
    async (req, reply) => reply.code(201).send(await createUnit(deps, staffOf(req), req.body)),
  );
  app.patch(
    '/api/v1/units/:id',
    {
      config: { access: managers },
      schema: {
        tags: ['dispatch'],
        summary: 'Change a unit’s call sign, kind, agency, home district or members',
        params: UnitId,
        body: UpdateUnitRequest,
        response: { 200: UnitView },
      },
    },
    async (req) => updateUnitBy(deps, staffOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/units/:id/status',
    {
      config: { access: staffAccess(['officer', 'operator', 'supervisor'], 'beat') },
      schema: {
        tags: ['dispatch'],
        summary: 'Set a unit available, busy or off duty (its officers, or an operator for a unit that radios in)',
        description: 'En route and on scene follow the unit’s assignment; a unit on an assignment answers 409.',
        params: UnitId,
        body: UnitStatusRequest,
        response: { 200: UnitView },
      },
    },
    async (req) => changeUnitStatus(deps, staffOf(req), req.params.id, req.body.status),
  );
  app.post(
    '/api/v1/units/:id/emergency',
    {
      config: { access: staffAccess(['officer', 'supervisor'], 'beat') },
      schema: {
        tags: ['dispatch'],
        summary: 'Panic: raise (the unit’s officers) or clear (they or a supervisor) the unit’s emergency',
        params: UnitId,
        body: EmergencyRequest,
        response: { 200: UnitView },
      },
    },
    async (req) => setUnitEmergency(deps, staffOf(req), req.params.id, req.body.active),
  );
  app.post(
    '/api/v1/units/:id/positions',
    {
      config: { access: ownUnit },
      schema: {
        tags: ['dispatch'],
        summary: 'A batch of GPS fixes from the unit’s officer; the newest is kept',
        description: 'A fix older than the one stored is ignored, so batches may arrive late, out of order or twice.',
        params: UnitId,
        body: PositionsRequest,
        response: { 202: PositionsReceipt },
      },
    },
    async (req, reply) => reply.code(202).send(await recordPositions(deps, staffOf(req), req.params.id, req.body.fixes)),
  );
}
