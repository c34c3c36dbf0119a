import { LANGUAGES } from '../../src/i18n.js';
import type { GuideContent } from './guide-admin-api.js';
import { EMPTY_TEXT, type ContentDraft } from './guide-text-fields.js';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The form's text as the server takes it; a language left without a title is left out (a draft may lack it). */
export function contentFromDraft(draft: ContentDraft): GuideContent {
  const content: GuideContent = {};
  for (const language of LANGUAGES) {
    const text = draft[language];
    if (!text.title.trim()) continue;
    content[language] = {
      title: text.title.trim(),
      summary: text.summary.trim(),
      steps: lines(text.steps),
      contacts: lines(text.contacts).map((line) => {
        const [phone, ...name] = line.split(/\s+[—-]\s+/);
        return { phone: phone!.trim(), name: name.join(' — ').trim() || phone!.trim() };
      }),
    };
  }
  return content;
}

export function draftFromContent(content: GuideContent): ContentDraft {
  const draft = {} as ContentDraft;
  for (const language of LANGUAGES) {
    const text = content[language];
    draft[language] = text
      ? {
          title: text.title,
          summary: text.summary,
          steps: text.steps.join('\n'),
          contacts: text.contacts.map((c) => `${c.phone} — ${c.name}`).join('\n'),
        }
      : { ...EMPTY_TEXT };
  }
  return draft;
}
