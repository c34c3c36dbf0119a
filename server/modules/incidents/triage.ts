import { categoryByCode, type CategoryCode } from '../../../common/categories.js';
import type { CameraEventType } from './camera-schema.js';

export type Priority = 1 | 2 | 3 | 4;

export interface TriageInput {
  category: CategoryCode;
  description: string;
  /** The channel: an SOS button is an emergency whatever category it carries. */
  source: string;
  /** What a camera saw, when the source is a camera: it, not the category, sets the priority. */
  cameraEvent?: CameraEventType;
}

// A threat to life seen on camera is P1; what may be harmless (a crowd, someone lingering) waits.
const CAMERA_PRIORITY: { readonly [E in CameraEventType]: Priority } = {
  weapon: 1,
  fight: 1,
  person_down: 1,
  fire_smoke: 1,
  intrusion: 2,
  vehicle_wrong_way: 2,
  crowd: 3,
  loitering: 4,
  other: 3,
};

export interface Triage {
  priority: Priority;
  /** Why, for the operator (the incident's internal note), in rule names. */
  reasons: string[];
}

// Words that put a child in the report, in kk, ru and en. A false alarm costs an operator a
// look; a missed child costs far more, so the net is wide. Stems end at a letter boundary so
// Russian "баланс" (a card balance, common in fraud reports) is not Kazakh "бала" (child).
const CHILD_WORDS = [
  // kk
  'бала(?!нс)\\p{L}*',
  'сәби\\p{L}*',
  'жасөспірім\\p{L}*',
  'кәмелетке толмаған\\p{L}*',
  'оқушы\\p{L}*',
  // ru
  'ребён\\p{L}*',
  'ребен\\p{L}*',
  'дет(?:и|ей|ям|ьми|ях|ск\\p{L}*|сад\\p{L}*)',
  'малолет\\p{L}*',
  'несовершеннолет\\p{L}*',
  'подрост\\p{L}*',
  'школьни\\p{L}*',
  'младен\\p{L}*',
  'мальчик\\p{L}*',
  'девочк\\p{L}*',
  // en
  'child\\p{L}*',
  'kids?',
  'minors?',
  'teen\\p{L}*',
  'toddlers?',
  'bab(?:y|ies)',
  'pupils?',
  'schoolchild\\p{L}*',
];
const CHILD = new RegExp(`(?<!\\p{L})(?:${CHILD_WORDS.join('|')})(?!\\p{L})`, 'iu');

/** Does the text mention a child? Exported for its tests. */
export function mentionsChild(text: string): boolean {
  return CHILD.test(text.normalize('NFC'));
}

/**
 * The priority a report arrives with: the category's own (a camera's: that of what it saw),
 * raised to P1 for domestic violence, anything involving a child and an SOS. The operator may
 * override it later.
 */
export function triageReport(input: TriageInput): Triage {
  const category = categoryByCode(input.category);
  let priority: Priority = category.defaultPriority;
  const reasons = [`category:${input.category}:P${category.defaultPriority}`];
  if (input.source === 'camera' && input.cameraEvent) {
    priority = CAMERA_PRIORITY[input.cameraEvent];
    reasons.push(`camera:${input.cameraEvent}:P${priority}`);
  }
  const raise = (reason: string) => {
    reasons.push(reason);
    priority = 1;
  };
  if (input.category === 'domestic-violence') raise('domestic-violence');
  if (input.category === 'offences-against-children' || mentionsChild(input.description)) raise('child');
  if (input.category === 'emergency-sos' || input.source === 'sos') raise('sos');
  return { priority, reasons };
}
