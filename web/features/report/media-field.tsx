import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { describedBy } from '../../src/ui/field-description.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { formatNumber } from '../../src/intl-format.js';
import { MEDIA_MAX_BYTES, MEDIA_MAX_FILES } from './report-draft.js';

interface MediaFieldProps {
  id: string;
  files: File[];
  error: string | null;
  onChange: (files: File[]) => void;
}

const MEGABYTE = 1024 * 1024;

/**
 * Optional photos, audio and video: chosen from the device, or (on phones) taken with the camera
 * or the recorder there and then. Files add up; each can be taken out again.
 */
export function MediaField({ id, files, error, onChange }: MediaFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hint = t('report.media.hint', { count: MEDIA_MAX_FILES, size: MEDIA_MAX_BYTES / MEGABYTE });

  function add(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = ''; // so the same file can be chosen again after removing it
    if (chosen.length > 0) onChange([...files, ...chosen]);
  }

  const size = (file: File) => t('report.media.size', { size: formatNumber(Math.max(0.1, file.size / MEGABYTE), language) });

  const described = [`${id}-title`, describedBy(id, hint, error)].filter(Boolean).join(' ');
  const picker = (inputId: string, label: string, accept: string, capture?: 'environment' | 'user') => (
    <div className="file-picker">
      <input
        id={inputId}
        type="file"
        className="file-picker__input"
        accept={accept}
        multiple={!capture}
        capture={capture}
        aria-describedby={described}
        onChange={add}
      />
      <label className="button button--secondary file-picker__button" htmlFor={inputId}>
        {label}
      </label>
    </div>
  );

  // Native file inputs speak the browser's language, not the page's: each is hidden behind a
  // labelled button in the page's language, and the list below says what was chosen.
  return (
    <div className={error ? 'field field--error media-field' : 'field media-field'}>
      <p id={`${id}-title`} className="field__label">
        {t('report.media.label')}
      </p>
      <FieldMessages id={id} hint={hint} error={error} />
      {picker(id, t('report.media.choose'), 'image/*,audio/*,video/*')}
      <div className="media-field__capture">
        {picker(`${id}-camera`, t('report.media.camera'), 'image/*,video/*', 'environment')}
        {picker(`${id}-audio`, t('report.media.recorder'), 'audio/*', 'user')}
      </div>
      {files.length > 0 ? (
        <ul className="media-field__list" aria-label={t('report.media.chosen')}>
          {files.map((file, index) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}-${index}`} className="media-field__item">
              <span className="media-field__name">{file.name}</span>
              <span className="media-field__size">{size(file)}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onChange(files.filter((_, other) => other !== index))}
              >
                {t('report.media.remove')}
                <span className="visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
