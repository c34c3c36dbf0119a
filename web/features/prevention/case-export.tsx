import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { useNotice } from '../../src/ui/use-notice.js';
import type { CaseFile } from './prevention-api.js';
import './case-export.css';

/** As the server asks: a reason a reviewer could check. */
const REASON_MIN_LENGTH = 20;

/**
 * Downloads of the case: redacted (JSON or printable PDF) for whoever may work it, and the full
 * file for its team with a written reason. The browser downloads what the server sends as an
 * attachment, so the page stays as it is.
 */
export function CaseExport({ file }: { file: CaseFile }) {
  const { t, i18n } = useTranslation();
  const url = `/api/v1/prevention/cases/${encodeURIComponent(file.id)}/export`;
  return (
    <section aria-labelledby="case-export" className="case-export">
      <h2 id="case-export">{t('prevention-programmes.export.title')}</h2>
      <p>{t('prevention-programmes.export.redactedHint')}</p>
      <ul className="case-export__links">
        <li>
          <a className="button button--secondary" href={`${url}?format=pdf&lang=${i18n.language}`} download>
            {t('prevention-programmes.export.pdf')}
          </a>
        </li>
        <li>
          <a className="button button--secondary" href={`${url}?format=json`} download>
            {t('prevention-programmes.export.json')}
          </a>
        </li>
      </ul>
      {file.access === 'team' ? <FullExportForm url={url} /> : null}
    </section>
  );
}

function FullExportForm({ url }: { url: string }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [format, setFormat] = useState<'pdf' | 'json'>('pdf');
  const [error, setError] = useNotice();

  function submit(event: FormEvent) {
    if (reason.trim().length >= REASON_MIN_LENGTH) {
      setError(null);
      return;
    }
    event.preventDefault();
    setError({ key: 'prevention-programmes.export.reasonRequired', values: { count: REASON_MIN_LENGTH } });
  }

  return (
    <form className="case-form" method="get" action={url} onSubmit={submit} noValidate>
      <fieldset className="case-form__group">
        <legend className="case-form__legend">{t('prevention-programmes.export.fullTitle')}</legend>
        <p>{t('prevention-programmes.export.fullHint')}</p>
        <ErrorSummary fieldErrors={error ? [{ fieldId: 'export-reason', message: error }] : []} />
        <input type="hidden" name="full" value="true" />
        <input type="hidden" name="lang" value={i18n.language} />
        <TextField
          id="export-reason"
          name="reason"
          label={t('prevention-programmes.export.reason')}
          value={reason}
          maxLength={1000}
          error={error}
          onChange={(e) => setReason(e.target.value)}
        />
        <SelectField
          id="export-format"
          name="format"
          label={t('prevention-programmes.export.format')}
          value={format}
          onChange={(e) => setFormat(e.target.value as 'pdf' | 'json')}
        >
          <option value="pdf">PDF</option>
          <option value="json">JSON</option>
        </SelectField>
        <button type="submit" className="button">
          {t('prevention-programmes.export.fullButton')}
        </button>
      </fieldset>
    </form>
  );
}
