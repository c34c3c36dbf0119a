import type { Jurisdiction, JurisdictionLevel } from '../../../common/roles.js';
import type { JurisdictionInput } from './admin-api.js';

/** A jurisdiction being edited in a form: every id as text, empty when not given. */
export interface JurisdictionDraft {
  level: JurisdictionLevel;
  regionId: string;
  districtId: string;
  beatId: string;
}

export type JurisdictionField = 'regionId' | 'districtId' | 'beatId';

export const EMPTY_JURISDICTION: JurisdictionDraft = { level: 'country', regionId: '', districtId: '', beatId: '' };

export function draftFromJurisdiction(jurisdiction: Jurisdiction): JurisdictionDraft {
  return {
    level: jurisdiction.level,
    regionId: jurisdiction.regionId ?? '',
    districtId: jurisdiction.districtId ?? '',
    beatId: jurisdiction.beatId ?? '',
  };
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
