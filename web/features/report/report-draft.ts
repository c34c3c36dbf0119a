import type { ReportRequest } from './report-api.js';

/** A place the person chose, and how: their phone's GPS, a tap on the map, or an address found. */
export interface ChosenLocation {
  coordinates: [number, number];
  source: 'gps' | 'map' | 'address';
  /** The address as found, for the address source. */
  label: string | null;
  /** GPS accuracy in metres. */
  accuracy: number | null;
}

export interface ReportDraft {
  category: string;
  description: string;
  location: ChosenLocation | null;
  media: File[];
  contact: 'contact' | 'anonymous';
  name: string;
  phone: string;
}

export type DraftField = 'category' | 'description' | 'location' | 'media' | 'name' | 'phone';

export const EMPTY_DRAFT: ReportDraft = {
  category: '',
  description: '',
  location: null,
  media: [],
  contact: 'contact',
  name: '',
  phone: '',
};

// The server's limits (incidents' report schema), checked here first so the person hears at once.
export const DESCRIPTION_MAX = 4000;
const NAME_MAX = 200;
const PHONE_PATTERN = /^\+?[0-9 ()-]{5,24}$/;
// The server's default limits (AMAN_MEDIA_MAX_FILES, AMAN_MEDIA_MAX_MB); it checks its own anyway.
export const MEDIA_MAX_FILES = 5;
export const MEDIA_MAX_BYTES = 50 * 1024 * 1024;
const MEDIA_TYPES = /^(image|audio|video)\//;

/** The problems of a draft, as translation keys by field; empty when it may be sent. */
export function validateDraft(draft: ReportDraft): Partial<Record<DraftField, string>> {
  const problems: Partial<Record<DraftField, string>> = {};
  if (!draft.category) problems.category = 'report.errors.categoryRequired';
  const description = draft.description.trim();
  if (!description) problems.description = 'report.errors.descriptionRequired';
  else if (description.length > DESCRIPTION_MAX) problems.description = 'report.errors.descriptionTooLong';
  if (!draft.location) problems.location = 'report.errors.locationRequired';
  if (draft.media.length > MEDIA_MAX_FILES) problems.media = 'report.errors.tooManyFiles';
  else if (draft.media.some((file) => !MEDIA_TYPES.test(file.type))) problems.media = 'report.errors.fileType';
  else if (draft.media.some((file) => file.size > MEDIA_MAX_BYTES)) problems.media = 'report.errors.fileTooLarge';
  if (draft.contact === 'contact') {
    if (draft.name.trim().length > NAME_MAX) problems.name = 'report.errors.nameTooLong';
    const phone = draft.phone.trim();
    if (phone && !PHONE_PATTERN.test(phone)) problems.phone = 'report.errors.phoneInvalid';
  }
  return problems;
}

/** The request body for a valid draft; an anonymous report carries no contact at all. */
export function toReportRequest(draft: ReportDraft): ReportRequest {
  if (!draft.location) throw new Error('a report needs a location');
  const request: ReportRequest = {
    category: draft.category,
    description: draft.description.trim(),
    location: { type: 'Point', coordinates: draft.location.coordinates },
  };
  if (draft.contact === 'anonymous') return { ...request, anonymous: true };
  const name = draft.name.trim();
  const phone = draft.phone.trim();
  if (name || phone) request.reporter = { ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  return request;
}
