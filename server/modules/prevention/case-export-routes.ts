import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { requestLanguage } from '../../http/language.js';
import { callerOf } from './caller.js';
import { exportCase } from './case-export.js';
import { renderCaseExportPdf } from './case-export-pdf.js';
import { ExportQuery } from './case-export-schema.js';
import type { PreventionDeps } from './deps.js';
import { IdParams } from './schema.js';

export function registerCaseExportRoutes(app: App, deps: PreventionDeps): void {
  app.get(
    '/api/v1/prevention/cases/:id/export',
    {
      // Analysts work from statistics, never from a case; the service checks the case team.
      config: { access: staffAccess(['officer', 'supervisor', 'prosecutor', 'partner'], 'beat') },
      schema: {
        tags: ['prevention'],
        summary:
          'Export a case as JSON or a printable PDF, redacted by default (roles and initials; no addresses, contacts, IINs or free text); full=true with a reason for the case team only (audited)',
        params: IdParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const exported = await exportCase(deps, callerOf(req), req.params.id, req.query);
      const name = `${exported.caseNumber}${exported.redacted ? '-redacted' : ''}`;
      // Nothing in an export should linger in a shared browser cache or a proxy.
      void reply.header('cache-control', 'no-store');
      if (req.query.format !== 'pdf')
        return reply.header('content-disposition', `attachment; filename="${name}.json"`).send(exported);
      const pdf = await renderCaseExportPdf(exported, requestLanguage(req));
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(pdf);
    },
  );
}
