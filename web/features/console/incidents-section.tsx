import { useMe } from '../auth/session.js';
import { OfficerPage } from '../officer/officer-page.js';
import { ConsolePage } from './console-page.js';

/** The incidents section: the control centre's console, or for an officer alone their own unit's view. */
export function IncidentsSection() {
  const me = useMe();
  const isConsoleUser = me.roles.some((role) => role === 'operator' || role === 'supervisor');
  return isConsoleUser ? <ConsolePage /> : <OfficerPage />;
}
