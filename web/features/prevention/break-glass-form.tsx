import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src/api.js';
import { describedBy } from '../../src/ui/field-description.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { preventionApi, type CaseFile } from './prevention-api.js';

const MIN_REASON = 20;

/** Shown to an officer outside the case team: the case opens only with a written, logged reason. */
export function BreakGlassForm({ caseId, onOpened }: { caseId: string; onOpened: (file: CaseFile) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (reason.trim().length < MIN_REASON) {
      setFieldError(t('prevention.breakGlass.tooShort'));
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      onOpened(await preventionApi.breakGlass(caseId, reason.trim()));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const id = 'break-glass-reason';
  return (
    <form className="break-glass" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('prevention.breakGlass.intro')}</p>
      <ErrorSummary message={failure} fieldErrors={fieldError ? [{ fieldId: id, message: fieldError }] : []} />
      <div className={fieldError ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={id}>
          {t('prevention.breakGlass.reason')}
        </label>
        <FieldMessages id={id} hint={t('prevention.breakGlass.hint')} error={fieldError} />
        <textarea
          id={id}
          className="input textarea"
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy(id, t('prevention.breakGlass.hint'), fieldError)}
          maxLength={1000}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('prevention.breakGlass.submit')}
      </button>
    </form>
  );
}
