import type { RegisterAgency } from '../../../common/register-kinds.js';
import { REGISTER_AGENCIES } from '../../../common/register-kinds.js';
import type { RegisterAccess } from '../../../common/schemas/registers.js';
import { AppError } from '../../http/errors.js';
import { listRegions } from '../geo/index.js';
import { partnerAgency } from './conference-store.js';
import type { PreventionDeps } from './deps.js';
import { findEntry, type EntryRow } from './register-store.js';
import { localDay, type Day } from './register-terms.js';
import type { Caller } from './scope.js';

/** The caller's partner agency, when they are a partner and it is one registers can be assigned to. */
export async function registerAgencyOf(deps: PreventionDeps, caller: Caller): Promise<RegisterAgency | undefined> {
  if (!caller.user.roles.includes('partner')) return undefined;
  const agency = await partnerAgency(deps.db, caller.user.userId);
  return REGISTER_AGENCIES.find((a) => a === agency);
}

/**
 * The entry, if the caller may see who it is about. Outside the jurisdiction it does not exist
 * (404). Inside it, the area's supervisors oversee every entry; the responsible officer, the
 * inspector of its beat and a partner of the agency it is assigned to work it; anyone else —
 * another officer, an analyst, a partner of another agency — is refused (403): the list shows
 * them that the entry exists, not whom it is about.
 */
export async function accessEntry(
  deps: PreventionDeps,
  caller: Caller,
  id: string,
): Promise<{ row: EntryRow; access: RegisterAccess }> {
  const row = await findEntry(deps.db, caller.user.jurisdiction, id);
  if (!row) throw new AppError('prevention.register_entry_not_found');
  const access = await entryAccessOf(deps, caller, row);
  if (access === null) throw new AppError('prevention.register_team_only', { entryNumber: row.entry_number });
  return { row, access };
}

/** Why the caller may see whom an entry of their jurisdiction is about (see accessEntry), or null when they may not. */
export async function entryAccessOf(deps: PreventionDeps, caller: Caller, row: EntryRow): Promise<RegisterAccess | null> {
  const { roles, userId, jurisdiction } = caller.user;
  if (roles.includes('supervisor')) return 'supervisor';
  if (roles.includes('officer')) {
    if (row.responsible_officer_id === userId) return 'responsible';
    if (jurisdiction.level === 'beat' && jurisdiction.beatId === row.beat_id) return 'beat-inspector';
  }
  const agency = await registerAgencyOf(deps, caller);
  if (agency && row.partner_agency === agency) return 'partner';
  return null;
}

/** Like accessEntry, for changes: a closed entry is history, and changes nothing more. */
export async function activeEntry(deps: PreventionDeps, caller: Caller, id: string) {
  const found = await accessEntry(deps, caller, id);
  if (found.row.status !== 'active') throw new AppError('prevention.register_closed');
  return found;
}

// Every region has had UTC+5 since March 2024, but the zone comes from the region as everywhere else.
const FALLBACK_ZONE = 'Asia/Almaty';

/** Today in each region's own zone. */
export async function todayByRegion(deps: PreventionDeps, at: Date): Promise<Map<string, Day>> {
  const regions = await listRegions(deps.db);
  return new Map(regions.map((r) => [r.id, localDay(at, r.tz || FALLBACK_ZONE)]));
}

/** Today where the caller works (the country's first zone for a country-wide caller). */
export async function callerToday(deps: PreventionDeps, caller: Caller, at: Date): Promise<Day> {
  const regionId = caller.user.jurisdiction.regionId;
  const days = await todayByRegion(deps, at);
  return (regionId && days.get(regionId)) || localDay(at, FALLBACK_ZONE);
}
