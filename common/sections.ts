import type { Role } from './roles.js';

/**
 * Sections of the staff shell and the roles that open each. The server sends a signed-in user
 * the sections their roles allow; the web shows only those. Routes check roles themselves:
 * hiding a section is a convenience, not the control.
 */
export const SECTIONS = {
  map: ['operator', 'officer', 'investigator', 'analyst', 'prosecutor', 'supervisor', 'admin'],
  incidents: ['operator', 'officer', 'investigator', 'supervisor'],
  dispatch: ['operator', 'supervisor'],
  channels: ['operator', 'supervisor', 'admin'],
  prevention: ['officer', 'partner', 'prosecutor', 'supervisor'],
  registries: ['officer', 'investigator', 'partner', 'supervisor'],
  roads: ['officer', 'analyst', 'supervisor'],
  analytics: ['analyst', 'supervisor'],
  // Officers: a beat's inspector keeps their neighbourhood's page (team, priorities, meetings).
  'portal-admin': ['supervisor', 'admin', 'officer'],
  admin: ['admin'],
  audit: ['admin', 'prosecutor'],
} as const satisfies Record<string, readonly Role[]>;

export type Section = keyof typeof SECTIONS;

export function sectionsForRoles(roles: readonly Role[]): Section[] {
  return (Object.keys(SECTIONS) as Section[]).filter((section) =>
    (SECTIONS[section] as readonly Role[]).some((role) => roles.includes(role)),
  );
}
