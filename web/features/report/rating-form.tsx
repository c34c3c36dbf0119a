import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../src/api.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { rateService } from './report-api.js';
import { TextAreaField } from './text-area-field.js';

const SCORES = [1, 2, 3, 4, 5] as const;

/** After action is taken, the reporter rates the service: 1–5 and an optional comment, once. */
export function RatingForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'done'>('idle');
  const [error, setError] = useNotice();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setError({ key: 'report.rating.chooseScore' });
      return;
    }
    setState('sending');
    setError(null);
    try {
      await rateService(code, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setState('done');
    } catch (caught) {
      // Rated already (another tab, the bot): the citizen's part is done either way.
      if (caught instanceof ApiError && caught.code === 'feedback.already_rated') return setState('done');
      setError({ error: caught });
      setState('idle');
    }
  };

  if (state === 'done') return <StatusMessage message={t('report.rating.thanks')} />;
  return (
    <form className="rating-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('report.rating.title')}</h3>
      <ErrorSummary message={error} />
      <fieldset className="field">
        <legend className="field__label">{t('report.rating.score')}</legend>
        <div className="rating-form__scores">
          {SCORES.map((value) => (
            <label key={value} className="rating-form__score">
              <input type="radio" name="score" value={value} checked={score === value} onChange={() => setScore(value)} />
              <span>{value}</span>
            </label>
          ))}
        </div>
        <p className="field__hint">{t('report.rating.scale')}</p>
      </fieldset>
      <TextAreaField
        id="rating-comment"
        label={t('report.rating.comment')}
        rows={3}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="submit" className="button" disabled={state === 'sending'}>
        {t('report.rating.submit')}
      </button>
    </form>
  );
}
