import { SECTIONS, type Section } from '../../../common/sections.js';

export type { Section };

/** Whether a string names a section of the shell. */
export function isSection(value: string): value is Section {
  return Object.hasOwn(SECTIONS, value);
}

/** The sections the server granted, keeping only those this version of the web knows. */
export function knownSections(granted: readonly string[]): Section[] {
  return granted.filter(isSection);
}

export function sectionPath(section: Section): string {
  return `/${section}`;
}

/** The section a path belongs to ("/admin/anything" → "admin"), or null. */
export function sectionOfPath(path: string): Section | null {
  const first = path.split('/')[1] ?? '';
  return isSection(first) ? first : null;
}
