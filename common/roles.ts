/** Staff roles. A citizen is not a staff role: citizens use the public pages without an account. */
export const STAFF_ROLES = [
  'operator',
  'officer',
  'investigator',
  'analyst',
  'partner',
  'prosecutor',
  'supervisor',
  'admin',
] as const;

export type Role = (typeof STAFF_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** From the widest to the narrowest: a jurisdiction at one level covers everything below it. */
export const JURISDICTION_LEVELS = ['country', 'region', 'district', 'beat'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export interface Jurisdiction {
  level: JurisdictionLevel;
  regionId: string | null;
  districtId: string | null;
  beatId: string | null;
}

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
