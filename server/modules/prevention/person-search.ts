import { isValidIin } from '../../../common/iin.js';
import { AppError } from '../../http/errors.js';
import { accessCase, type CaseAccess } from './case-access.js';
import { caseDetails } from './case-store.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { initialsOf } from './masked-case.js';
import type { PersonSearchMatch, PersonSearchRequest, PersonSearchResult, RegisterSearchMatch } from './person-search-schema.js';
import { casesWithIinHash } from './person-search-store.js';
import { entryAccessOf } from './register-access.js';
import { entriesWithIinHash } from './register-store.js';
import type { Caller } from './scope.js';

/** The caller's way into a case, or null when only its masked view is theirs (as masked-case.ts decides). */
async function accessOrNull(deps: PreventionDeps, caller: Caller, caseId: string): Promise<CaseAccess | null> {
  try {
    return (await accessCase(deps, caller, caseId)).access;
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'prevention.break_glass_required' || error.code === 'prevention.case_team_only')
    )
      return null;
    throw error;
  }
}

/**
 * The register entries in the caller's jurisdiction about the person, as the register shows them:
 * the name only to whom the entry's access rules let read it (register-access.ts). Only those who
 * work the registers (officers, supervisors) are shown them at all; the register is not a
 * prosecutor's.
 */
async function registerMatches(
  deps: PreventionDeps,
  caller: Caller,
  hash: string,
): Promise<{ match: RegisterSearchMatch; regionId: string }[]> {
  if (!caller.user.roles.some((r) => r === 'officer' || r === 'supervisor')) return [];
  const rows = await entriesWithIinHash(deps.db, caller.user.jurisdiction, hash);
  const matches: { match: RegisterSearchMatch; regionId: string }[] = [];
  for (const row of rows) {
    const access = await entryAccessOf(deps, caller, row);
    const name = access === null || row.name_enc === null ? undefined : deps.fieldCrypto.decrypt(row.name_enc);
    matches.push({
      regionId: row.region_id,
      match: {
        entryId: row.id,
        entryNumber: row.entry_number,
        kind: row.kind,
        status: row.status,
        districtId: row.district_id,
        beatId: row.beat_id,
        endDate: row.end_date,
        access,
        ...(name === undefined ? {} : { name }),
      },
    });
  }
  return matches;
}

/**
 * Every case, and every preventive register entry, in the caller's jurisdiction that a person
 * appears in, found by the keyed hash of their IIN (the IIN itself is never stored in the clear
 * or searched). Cases the caller may open come with the people's names; the others only as their
 * masked view; register entries likewise. The search is audited with its reason and what it
 * found — never with the IIN — and each entry whose person was shown also as a read of the entry,
 * so the entry's own history names the reader.
 */
export async function searchPerson(
  deps: PreventionDeps,
  caller: Caller,
  input: PersonSearchRequest,
): Promise<PersonSearchResult> {
  const iin = input.iin.replace(/\s/g, '');
  if (!isValidIin(iin)) throw new AppError('iin.invalid');
  const hash = deps.fieldCrypto.lookupHash(iin);
  const found = await casesWithIinHash(deps.db, caller.user.jurisdiction, hash);
  const items: PersonSearchMatch[] = [];
  for (const c of found) {
    const access = await accessOrNull(deps, caller, c.id);
    const { people } = await caseDetails(deps.db, c.id);
    items.push({
      caseId: c.id,
      caseNumber: c.case_number,
      districtId: c.district_id,
      beatId: c.beat_id,
      status: c.status,
      riskGrade: c.risk_grade,
      updatedAt: c.updated_at.toISOString(),
      role: c.role,
      access,
      people: people.map((p) => {
        const name = deps.fieldCrypto.decrypt(p.name_enc);
        return access === null
          ? { role: p.role, initials: initialsOf(name) }
          : { role: p.role, initials: initialsOf(name), name };
      }),
      canBreakGlass: access === null && caller.user.roles.includes('officer'),
    });
  }
  const entries = await registerMatches(deps, caller, hash);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await auditStaff(trx, caller, {
      action: 'prevention.person.search',
      target: { type: 'dv_person_search', id: caller.user.userId },
      regionId: caller.user.jurisdiction.level === 'country' ? null : caller.user.jurisdiction.regionId,
      details: {
        reason: input.reason.trim(),
        found: items.map((i) => ({ caseId: i.caseId, role: i.role, access: i.access })),
        registerEntries: entries.map(({ match }) => ({ entryId: match.entryId, access: match.access })),
      },
      at: now,
    });
    for (const { match, regionId } of entries) {
      if (match.access === null) continue;
      await auditStaff(trx, caller, {
        action: 'prevention.register.read',
        target: { type: 'register_entry', id: match.entryId },
        regionId,
        details: { access: match.access, purpose: 'person-search', entryNumber: match.entryNumber },
        at: now,
      });
    }
  });
  return { items, registerEntries: entries.map(({ match }) => match) };
}
