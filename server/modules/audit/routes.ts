import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { jurisdictionFilter } from '../../http/actor.js';
import { Cursor, Limit, Page } from '../../http/paging.js';
import { listAuditEntries } from './store.js';
import { recordAudit } from './record.js';

const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorKind: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  outcome: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  regionId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export function registerAuditRoutes(app: App, deps: { db: Kysely<Tables> }): void {
  app.get(
    '/api/v1/audit',
    {
      config: { access: staffAccess(['admin', 'prosecutor'], 'region') },
      schema: {
        tags: ['audit'],
        summary: 'Sealed audit entries, newest first, within the caller’s region',
        querystring: Type.Object(
          {
            actorId: Type.Optional(Type.String({ maxLength: 64 })),
            targetType: Type.Optional(Type.String({ maxLength: 64 })),
            targetId: Type.Optional(Type.String({ maxLength: 64 })),
            cursor: Cursor,
            limit: Limit,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(AuditEntryView) },
      },
    },
    async (req) => {
      const actor = req.actor;
      if (actor.kind !== 'user') throw new Error('unreachable: staff route without a user');
      const page = await listAuditEntries(deps.db, {
        ...req.query,
        regionId: jurisdictionFilter(actor.jurisdiction).regionId ?? null,
        jurisdiction: actor.jurisdiction,
      });
      await recordAudit(deps.db, {
        action: 'audit.read',
        outcome: 'success',
        actor: { kind: 'user', id: actor.userId },
        ip: req.ip,
        details: { filter: req.query },
      });
      return page;
    },
  );
}
