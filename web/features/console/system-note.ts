import type { TFunction } from 'i18next';
import { CIRCUMSTANCE_FIELD_NAMES } from '../../../common/incident-circumstances.js';
import type { Language } from '../../src/i18n.js';
import { categoryName } from '../report/category-name.js';
import type { SystemNote } from './console-api.js';

const RULE = /^(category|camera):([^:]+):P(\d)$/;

/** One rule of the first triage: "category:burglary:P2", "camera:fight:P1", "child" … */
function triageReason(reason: string, t: TFunction, language: Language): string {
  const rule = RULE.exec(reason);
  if (rule?.[1] === 'category') {
    return t('console.systemNote.rule.category', { name: categoryName(rule[2]!, language), priority: rule[3] });
  }
  if (rule?.[1] === 'camera') {
    return t('console.systemNote.rule.camera', { event: eventName(rule[2]!, t), priority: rule[3] });
  }
  return t(`console.systemNote.rule.${reason}`, { defaultValue: reason });
}

const eventName = (eventType: string, t: TFunction) => t(`channels.eventTypes.${eventType}`, { defaultValue: eventType });

/** What the system said on a timeline entry, in the reader's language. */
export function systemNoteText(note: SystemNote, t: TFunction, language: Language): string {
  switch (note.kind) {
    case 'triage':
      return t('console.systemNote.triage', { rules: note.reasons.map((r) => triageReason(r, t, language)).join('; ') });
    case 'priority':
      return t(`console.systemNote.priority.${note.by}`, { from: note.from, to: note.to });
    case 'reason':
      return t('console.systemNote.reason', { text: note.text });
    case 'merged_into':
      return t('console.systemNote.mergedInto', { id: note.incidentId.slice(0, 8) });
    case 'merged_from':
      return t('console.systemNote.mergedFrom', { id: note.incidentId.slice(0, 8) });
    case 'camera':
      return t('console.systemNote.camera', {
        camera: note.camera,
        event: eventName(note.eventType, t),
        confidence: Math.round(note.confidence * 100),
        priority: note.priority,
      });
    case 'sos_alarm':
      return t('console.systemNote.sosAlarm', { device: note.deviceId.slice(0, 8) });
    case 'sos_acknowledged':
      return t('console.systemNote.sosAcknowledged', { operator: note.operator });
    case 'unit':
      return t(`console.systemNote.unit.${note.step}`, { callSign: note.callSign });
    case 'circumstances':
      return t('console.systemNote.circumstances', {
        fields: note.fields.map((field) => CIRCUMSTANCE_FIELD_NAMES[field][language]).join(', '),
      });
    case 'outcome':
      return t('console.systemNote.outcome');
  }
}
