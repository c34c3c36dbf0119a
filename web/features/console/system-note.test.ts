import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../common/roles.js';
import { loadTranslations } from '../../src/translations.js';
import type { SystemNote } from './console-api.js';
import { systemNoteText } from './system-note.js';

const EVERY_KIND: SystemNote[] = [
  { kind: 'triage', reasons: ['category:burglary:P2', 'camera:fight:P1', 'domestic-violence', 'child', 'sos'] },
  { kind: 'priority', from: 4, to: 2, by: 'call_taker' },
  { kind: 'priority', from: 3, to: 1, by: 'operator' },
  { kind: 'reason', text: 'hoax call & prank' },
  { kind: 'merged_into', incidentId: '0b4f8c1e-0000-4000-8000-000000000000' },
  { kind: 'merged_from', incidentId: '0b4f8c1e-0000-4000-8000-000000000000' },
  { kind: 'camera', camera: 'Abay 12', eventType: 'weapon', confidence: 0.914, priority: 1, eventId: 'e-1' },
  { kind: 'sos_alarm', deviceId: 'a1b2c3d4-0000-4000-8000-000000000000', alarmId: 'x' },
  { kind: 'sos_acknowledged', operator: 'op.aidana' },
  { kind: 'circumstances', fields: ['victimSex', 'placeType'] },
  { kind: 'outcome' },
  ...(['assigned', 'accepted', 'on_scene', 'resolved', 'recalled'] as const).map((step): SystemNote => ({
    kind: 'unit',
    callSign: 'ALM-07',
    step,
  })),
];

const t: Partial<Record<Language, TFunction>> = {};
beforeAll(async () => {
  for (const language of LANGUAGES) {
    const instance = i18next.createInstance();
    await instance.init({
      lng: language,
      resources: { [language]: { translation: await loadTranslations(language) } },
      // As the app sets it: React escapes, so a reason quoting "<" or "&" reads as written.
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    t[language] = instance.t;
  }
});

describe('system notes on the timeline', () => {
  it('words every kind of note in every language, with no key or rule code left showing', () => {
    for (const language of LANGUAGES) {
      for (const note of EVERY_KIND) {
        const text = systemNoteText(note, t[language]!, language);
        expect(text, `${language} ${note.kind}`).not.toMatch(
          /console\.|channels\.|\{\{|category:|camera:|domestic-violence|undefined/,
        );
      }
    }
  });

  it('names categories, camera events and units in the reader’s language', () => {
    const triage = EVERY_KIND[0]!;
    expect(systemNoteText(triage, t.ru!, 'ru')).toContain('Кража');
    expect(systemNoteText(triage, t.kk!, 'kk')).toContain('P2');
    expect(systemNoteText(EVERY_KIND[6]!, t.en!, 'en')).toBe('Camera Abay 12: Weapon, 91% confidence, P1');
    expect(systemNoteText(EVERY_KIND[3]!, t.en!, 'en')).toBe('Reason: hoax call & prank');
    expect(systemNoteText({ kind: 'circumstances', fields: ['victimSex', 'placeType'] }, t.ru!, 'ru')).toBe(
      'Записаны обстоятельства: Пол потерпевшего, Место происшествия',
    );
    expect(systemNoteText({ kind: 'outcome' }, t.kk!, 'kk')).toBe('Тергеу нәтижесі жазылды');
    expect(systemNoteText({ kind: 'unit', callSign: 'ALM-07', step: 'on_scene' }, t.ru!, 'ru')).toBe('Наряд ALM-07 на месте');
    expect(systemNoteText({ kind: 'unit', callSign: 'ALM-07', step: 'on_scene' }, t.kk!, 'kk')).toBe(
      'ALM-07 жасағы оқиға орнында',
    );
  });
});
