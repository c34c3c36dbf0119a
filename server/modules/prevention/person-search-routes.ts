import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { callerOf } from './caller.js';
import type { PreventionDeps } from './deps.js';
import { searchPerson } from './person-search.js';
import { PersonSearchRequest, PersonSearchResult } from './person-search-schema.js';

export function registerPersonSearchRoutes(app: App, deps: PreventionDeps): void {
  app.post(
    '/api/v1/prevention/people/search',
    {
      config: { access: staffAccess(['officer', 'supervisor', 'prosecutor'], 'beat') },
      schema: {
        tags: ['prevention'],
        summary:
          'Every case and preventive register entry in the caller’s jurisdiction a person appears in, by IIN (POST: the IIN stays out of URLs and logs): names where the caller may open the case or read the entry, the masked view elsewhere (audited with the reason)',
        body: PersonSearchRequest,
        response: { 200: PersonSearchResult },
      },
    },
    async (req) => searchPerson(deps, callerOf(req), req.body),
  );
}
