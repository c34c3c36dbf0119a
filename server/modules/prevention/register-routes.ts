import { Type } from '@sinclair/typebox';
import {
  RegisterContactRequest,
  RegisterContactView,
  RegisterEntryRequest,
  RegisterEntrySummary,
  RegisterEntryView,
  RegisterHandoverRequest,
  RegisterHandoverView,
  RegisterListQuery,
  RegisterOfficerList,
  RegisterOutcomeRequest,
  RegisterReviewRequest,
  RegisterToday,
} from '../../../common/schemas/registers.js';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { Page } from '../../http/paging.js';
import { callerOf } from './caller.js';
import type { PreventionDeps } from './deps.js';
import { createEntry, listEntries, readEntry } from './register-entries.js';
import { handOverEntry, handoverCandidates } from './register-handover.js';
import { reviewEntry } from './register-reviews.js';
import { workList } from './register-today.js';
import { planContact, recordOutcome } from './register-visits.js';
import { IdParams } from './schema.js';

// Inspectors keep the registers of their beat and supervisors of their area; partners work
// the entries assigned to their agency. The service checks the entry itself (register-access.ts).
const registerTeam = staffAccess(['officer', 'supervisor'], 'beat');
const registerWorkers = staffAccess(['officer', 'supervisor', 'partner'], 'beat');
const tags = ['prevention'];
const EntryParams = IdParams;
const ReadQuery = Type.Object(
  {
    purpose: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'why the entry is read, for the audit log' }),
    ),
  },
  { additionalProperties: false },
);

export function registerRegisterRoutes(app: App, deps: PreventionDeps): void {
  app.post(
    '/api/v1/prevention/register/entries',
    {
      config: { access: registerTeam },
      schema: {
        tags,
        summary: 'Put a person on a preventive register at their home, for no longer than the legal basis allows',
        body: RegisterEntryRequest,
        response: { 201: RegisterEntryView },
      },
    },
    async (req, reply) => reply.code(201).send(await createEntry(deps, callerOf(req), req.body)),
  );
  app.get(
    '/api/v1/prevention/register/entries',
    {
      config: { access: staffAccess(['officer', 'supervisor', 'partner', 'analyst'], 'beat') },
      schema: {
        tags,
        summary:
          'Register entries in the caller’s jurisdiction (a partner: their agency’s), last changed first; no personal data',
        querystring: RegisterListQuery,
        response: { 200: Page(RegisterEntrySummary) },
      },
    },
    async (req) => listEntries(deps, callerOf(req), req.query),
  );
  app.get(
    '/api/v1/prevention/register/entries/:id',
    {
      config: { access: registerWorkers },
      schema: {
        tags,
        summary: 'A register entry with who it is about, its visits and reviews, for its team only; every read is audited',
        params: EntryParams,
        querystring: ReadQuery,
        response: { 200: RegisterEntryView },
      },
    },
    async (req) => readEntry(deps, callerOf(req), req.params.id, req.query.purpose),
  );
  app.post(
    '/api/v1/prevention/register/entries/:id/contacts',
    {
      config: { access: registerWorkers },
      schema: {
        tags,
        summary: 'Plan a home visit, call, summons or partner meeting on an active entry, due within its term',
        params: EntryParams,
        body: RegisterContactRequest,
        response: { 201: RegisterContactView },
      },
    },
    async (req, reply) => reply.code(201).send(await planContact(deps, callerOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/prevention/register/contacts/:id/outcome',
    {
      config: { access: registerWorkers },
      schema: {
        tags,
        summary: 'Record how a planned visit or contact went (once); the note is encrypted',
        params: IdParams,
        body: RegisterOutcomeRequest,
        response: { 200: RegisterContactView },
      },
    },
    async (req) => recordOutcome(deps, callerOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/prevention/register/entries/:id/review',
    {
      config: { access: registerTeam },
      schema: {
        tags,
        summary: 'Review an entry: extend it within what its basis allows, with a reason, or close it (which anonymises it)',
        params: EntryParams,
        body: RegisterReviewRequest,
        response: { 200: RegisterEntryView },
      },
    },
    async (req) => reviewEntry(deps, callerOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/prevention/register/entries/:id/officers',
    {
      config: { access: registerTeam },
      schema: {
        tags,
        summary:
          'Officers who could take an active entry (their area holds its place), names only; for its supervisor and responsible officer',
        params: EntryParams,
        response: { 200: RegisterOfficerList },
      },
    },
    async (req) => handoverCandidates(deps, callerOf(req), req.params.id),
  );
  app.post(
    '/api/v1/prevention/register/entries/:id/responsibility',
    {
      config: { access: registerTeam },
      schema: {
        tags,
        summary:
          'Hand an active entry to another officer covering its place, with a reason (sealed); by its supervisor or responsible officer',
        params: EntryParams,
        body: RegisterHandoverRequest,
        response: { 201: RegisterHandoverView },
      },
    },
    async (req, reply) => reply.code(201).send(await handOverEntry(deps, callerOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/prevention/register/today',
    {
      config: { access: registerWorkers },
      schema: {
        tags,
        summary: 'The inspector’s work list: visits due today and overdue, and reviews due, with points for the map',
        response: { 200: RegisterToday },
      },
    },
    async (req) => workList(deps, callerOf(req)),
  );
}
