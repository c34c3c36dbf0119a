import { staffAccess } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { Page } from '../../http/paging.js';
import { callerOf } from './caller.js';
import type { PreventionDeps } from './deps.js';
import { listReminders } from './reminders.js';
import { ReminderListQuery, ReminderView } from './schema.js';

export function registerReminderRoutes(app: App, deps: PreventionDeps): void {
  app.get(
    '/api/v1/prevention/reminders',
    {
      config: { access: staffAccess(['officer', 'supervisor', 'partner'], 'beat') },
      schema: {
        tags: ['prevention'],
        summary:
          'Reminders of orders about to expire and overdue actions, for the caller (or their agency), newest first; no names',
        querystring: ReminderListQuery,
        response: { 200: Page(ReminderView) },
      },
    },
    async (req) => listReminders(deps, callerOf(req), req.query),
  );
}
