import { categoryByCode, type CategoryCode } from '../../../common/categories.js';

export type Priority = 1 | 2 | 3 | 4;

export interface TriageInput {
  category: CategoryCode;
  description: string;
  /** The channel: an SOS button is an emergency whatever category it carries. */
  source: string;
}

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
 * The priority a report arrives with: the category's own, raised to P1 for domestic violence,
 * anything involving a child and an SOS. The operator may override it later.
 */
export function triageReport(input: TriageInput): Triage {
  const category = categoryByCode(input.category);
  let priority: Priority = category.defaultPriority;
  const reasons = [`category:${input.category}:P${category.defaultPriority}`];
  const raise = (reason: string) => {
    reasons.push(reason);
    priority = 1;
  };
  if (input.category === 'domestic-violence') raise('domestic-violence');
  if (input.category === 'offences-against-children' || mentionsChild(input.description)) raise('child');
  if (input.category === 'emergency-sos' || input.source === 'sos') raise('sos');
  return { priority, reasons };
}
