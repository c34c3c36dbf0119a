import { describe, expect, it } from 'vitest';
import { contentFromDraft, draftFromContent } from './guide-draft.js';

const text = { title: 'Title', summary: 'Summary', steps: ['First', 'Second'], contacts: [{ phone: '102', name: 'Police' }] };

describe('the guide editor’s form text', () => {
  it('turns a guide’s text into form fields and back unchanged', () => {
    expect(contentFromDraft(draftFromContent({ kk: text, en: text }))).toEqual({ kk: text, en: text });
  });

  it('drops blank lines and spaces, and leaves out a language with no title', () => {
    const draft = draftFromContent({});
    draft.ru = {
      title: '  Заголовок ',
      summary: 'Кратко',
      steps: '\n Шаг один \n\nШаг два\n',
      contacts: '112 — Служба спасения\n150',
    };
    expect(contentFromDraft(draft)).toEqual({
      ru: {
        title: 'Заголовок',
        summary: 'Кратко',
        steps: ['Шаг один', 'Шаг два'],
        contacts: [
          { phone: '112', name: 'Служба спасения' },
          { phone: '150', name: '150' },
        ],
      },
    });
  });
});
