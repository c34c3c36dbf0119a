import fs from 'node:fs';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { mediaStore } from './media.js';
import { findMedia, listMedia } from './media-store.js';
import type { ReportDeps } from './reports.js';
import { findIncident } from './store.js';

// Police roles only: a citizen's photo can show a face, a home, a child.
const VIEWERS = ['operator', 'officer', 'investigator', 'supervisor'] as const;

const MediaView = Type.Object({
  sha256: Type.String(),
  mediaType: Type.String(),
  kind: Type.Union([Type.Literal('photo'), Type.Literal('audio'), Type.Literal('video')]),
  sizeBytes: Type.Integer(),
  publicCopy: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

const IncidentParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

async function incidentInJurisdiction(deps: ReportDeps, req: FastifyRequest, id: string) {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  const incident = await findIncident(deps.db, req.actor.jurisdiction, id);
  if (!incident) throw new AppError('incident.not_found');
  return { incident, userId: req.actor.userId };
}

/** Staff access to a report's photos, audio and video: the list, and each original as received. */
export function registerMediaRoutes(app: App, deps: ReportDeps): void {
  const store = mediaStore(deps.mediaDir);

  app.get(
    '/api/v1/incidents/:id/media',
    {
      config: { access: staffAccess(VIEWERS, 'beat') },
      schema: {
        tags: ['incidents'],
        summary: 'The files a reporter attached to an incident',
        params: IncidentParams,
        response: { 200: Type.Object({ items: Type.Array(MediaView) }) },
      },
    },
    async (req) => {
      const { incident } = await incidentInJurisdiction(deps, req, req.params.id);
      const rows = await listMedia(deps.db, incident.id);
      return {
        items: rows.map((r) => ({
          sha256: r.sha256,
          mediaType: r.media_type,
          kind: r.kind,
          sizeBytes: r.size_bytes,
          publicCopy: r.public_copy,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/v1/incidents/:id/media/:sha256',
    {
      config: { access: staffAccess(VIEWERS, 'beat') },
      schema: {
        tags: ['incidents'],
        summary: 'One attached file: the original as received (evidence), or `?copy=public` without metadata',
        params: Type.Object(
          { id: Type.String({ maxLength: 64 }), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
          { additionalProperties: false },
        ),
        querystring: Type.Object(
          { copy: Type.Optional(Type.Union([Type.Literal('original'), Type.Literal('public')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const { incident, userId } = await incidentInJurisdiction(deps, req, req.params.id);
      const media = await findMedia(deps.db, incident.id, req.params.sha256);
      const wantsPublic = req.query.copy === 'public';
      if (!media || (wantsPublic && !media.public_copy)) throw new AppError('media.not_found');
      await recordAudit(deps.db, {
        action: 'incident.media.read',
        outcome: 'success',
        actor: { kind: 'user', id: userId },
        target: { type: 'incident', id: incident.id },
        regionId: incident.region_id,
        ip: req.ip,
        details: { sha256: media.sha256, copy: wantsPublic ? 'public' : 'original' },
      });
      const file = wantsPublic ? store.publicPath(media.sha256) : store.originalPath(media.sha256);
      return reply
        .header('content-type', wantsPublic ? 'image/jpeg' : media.media_type)
        .header('content-disposition', 'attachment')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(file));
    },
  );
}
