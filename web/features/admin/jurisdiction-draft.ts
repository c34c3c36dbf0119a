import { JURISDICTION_LEVELS, type Jurisdiction, type JurisdictionLevel } from '../../../common/roles.js';
import type { JurisdictionInput } from './admin-api.js';

/** A jurisdiction being edited in a form: every id as text, empty when not given. */
export interface JurisdictionDraft {
  level: JurisdictionLevel;
  regionId: string;
  districtId: string;
  beatId: string;
}

export type JurisdictionField = 'regionId' | 'districtId' | 'beatId';

export function draftFromJurisdiction(jurisdiction: Jurisdiction): JurisdictionDraft {
  return {
    level: jurisdiction.level,
    regionId: jurisdiction.regionId ?? '',
    districtId: jurisdiction.districtId ?? '',
    beatId: jurisdiction.beatId ?? '',
  };
}

/** Another region: its districts and beats are different, so the chosen ones are cleared. */
export function withRegion(draft: JurisdictionDraft, regionId: string): JurisdictionDraft {
  if (regionId === draft.regionId) return draft;
  return { ...draft, regionId, districtId: '', beatId: '' };
}

/** Another district: its beats are different, so the chosen one is cleared. */
export function withDistrict(draft: JurisdictionDraft, districtId: string): JurisdictionDraft {
  if (districtId === draft.districtId) return draft;
  return { ...draft, districtId, beatId: '' };
}

/** Which ids a level needs: a beat lies in a district, which lies in a region. */
export function fieldsForLevel(level: JurisdictionLevel): JurisdictionField[] {
  switch (level) {
    case 'country':
      return [];
    case 'region':
      return ['regionId'];
    case 'district':
      return ['regionId', 'districtId'];
    case 'beat':
      return ['regionId', 'districtId', 'beatId'];
  }
}

/** The draft as the API takes it, with only the ids its level needs. */
export function jurisdictionInput(draft: JurisdictionDraft): JurisdictionInput {
  const input: JurisdictionInput = { level: draft.level };
  for (const field of fieldsForLevel(draft.level)) input[field] = draft[field].trim();
  return input;
}

/** Missing ids, as translation keys by field. */
export function jurisdictionProblems(draft: JurisdictionDraft): Partial<Record<JurisdictionField, string>> {
  const problems: Partial<Record<JurisdictionField, string>> = {};
  for (const field of fieldsForLevel(draft.level)) {
    if (!draft[field].trim()) problems[field] = `admin.errors.${field}Required`;
  }
  return problems;
}

/**
 * The levels an administrator may grant: their own and the narrower ones. The server refuses a
 * jurisdiction outside the administrator's own, so the form does not offer one.
 */
export function grantableLevels(scope: Jurisdiction): JurisdictionLevel[] {
  return JURISDICTION_LEVELS.slice(JURISDICTION_LEVELS.indexOf(scope.level));
}

/** Whether a region, district or beat lies inside the administrator's own jurisdiction. */
export function isGrantable(scope: Jurisdiction, field: JurisdictionField, id: string): boolean {
  switch (field) {
    case 'regionId':
      return scope.level === 'country' || id === scope.regionId;
    case 'districtId':
      return scope.level === 'country' || scope.level === 'region' || id === scope.districtId;
    case 'beatId':
      return scope.level !== 'beat' || id === scope.beatId;
  }
}
