import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../src/i18n.js';
import { TextField } from '../../src/ui/text-field.js';

/** One language's text as the form holds it: steps one per line, contacts as "phone — name" lines. */
export interface TextDraft {
  title: string;
  summary: string;
  steps: string;
  contacts: string;
}

export type ContentDraft = Record<Language, TextDraft>;

export const EMPTY_TEXT: TextDraft = { title: '', summary: '', steps: '', contacts: '' };

/** The three languages' fields of a guide. */
export function GuideTextFields({ value, onChange }: { value: ContentDraft; onChange: (value: ContentDraft) => void }) {
  const { t } = useTranslation();
  const set = (language: Language, field: keyof TextDraft, text: string) =>
    onChange({ ...value, [language]: { ...value[language], [field]: text } });
  return (
    <>
      {LANGUAGES.map((language) => (
        <fieldset key={language} className="fieldset" lang={language}>
          <legend className="fieldset__legend">{LANGUAGE_NAMES[language]}</legend>
          <TextField
            id={`guide-${language}-title`}
            label={t('portal.editor.titleField')}
            value={value[language].title}
            onChange={(e) => set(language, 'title', e.target.value)}
          />
          <TextArea
            id={`guide-${language}-summary`}
            label={t('portal.editor.summary')}
            value={value[language].summary}
            onChange={(text) => set(language, 'summary', text)}
            rows={2}
          />
          <TextArea
            id={`guide-${language}-steps`}
            label={t('portal.editor.steps')}
            hint={t('portal.editor.stepsHint')}
            value={value[language].steps}
            onChange={(text) => set(language, 'steps', text)}
            rows={6}
          />
          <TextArea
            id={`guide-${language}-contacts`}
            label={t('portal.editor.contacts')}
            hint={t('portal.editor.contactsHint')}
            value={value[language].contacts}
            onChange={(text) => set(language, 'contacts', text)}
            rows={3}
          />
        </fieldset>
      ))}
    </>
  );
}

function TextArea(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  rows: number;
  onChange: (text: string) => void;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={props.id}
        className="input portal-editor__textarea"
        rows={props.rows}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
