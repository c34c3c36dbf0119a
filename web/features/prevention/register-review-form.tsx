import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, latestReviewDay } from '../../../common/register-terms.js';
import { errorMessage } from '../../src/api.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { TextField } from '../../src/ui/text-field.js';
import type { RegisterEntryView } from './register-api.js';
import { registerApi } from './register-api.js';
import { formatDay, todayDay } from './register-format.js';

/** Reviews an entry: extend it within what its basis allows, with a reason, or close it. */
export function ReviewForm({ entry, onDone }: { entry: RegisterEntryView; onDone: (messageKey: string) => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'extend' | 'close'>('extend');
  const [endDate, setEndDate] = useState(entry.latestEndDate);
  const [reviewDate, setReviewDate] = useState(() => {
    const next = addDays(latestReviewDay(entry.kind, todayDay()), -1);
    return next < entry.latestEndDate ? next : entry.latestEndDate;
  });
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonError = reasonMissing ? t('prevention-registers.entry.reasonRequired') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setReasonMissing(!reason.trim());
    if (!reason.trim()) return;
    setBusy(true);
    try {
      await registerApi.review(
        entry.id,
        decision === 'extend' ? { decision, endDate, reviewDate, reason: reason.trim() } : { decision, reason: reason.trim() },
      );
      onDone('prevention-registers.entry.reviewed');
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <form className="register-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary
        message={failure}
        fieldErrors={reasonError ? [{ fieldId: 'register-review-reason', message: reasonError }] : []}
      />
      <fieldset className="register-form__group">
        <legend className="register-form__legend">{t('prevention-registers.entry.decisionLabel')}</legend>
        {(['extend', 'close'] as const).map((d) => (
          <label key={d} className="register-choice">
            <input
              type="radio"
              name="register-review-decision"
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />{' '}
            {t(`prevention-registers.entry.${d}`)}
          </label>
        ))}
      </fieldset>
      {decision === 'extend' ? (
        <>
          <TextField
            id="register-review-end"
            type="date"
            label={t('prevention-registers.entry.newEnd')}
            hint={t('prevention-registers.form.endHint', { date: formatDay(entry.latestEndDate) })}
            max={entry.latestEndDate}
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
          />
          <TextField
            id="register-review-next"
            type="date"
            label={t('prevention-registers.entry.newReview')}
            value={reviewDate}
            onChange={(e) => setReviewDate(e.target.value)}
          />
        </>
      ) : (
        <p className="register-warning">{t('prevention-registers.entry.closeWarning')}</p>
      )}
      <TextField
        id="register-review-reason"
        label={t('prevention-registers.entry.reason')}
        value={reason}
        error={reasonError}
        maxLength={2000}
        autoComplete="off"
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('prevention-registers.entry.reviewSubmit')}
      </button>
    </form>
  );
}
