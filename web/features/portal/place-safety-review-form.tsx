import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src/api.js';
import { describedBy } from '../../src/ui/field-description.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { TextField } from '../../src/ui/text-field.js';
import { sendReview } from './place-safety-api.js';

const TEXT_MAX = 1000;

/** A visitor's review: stars, an optional text and name; no sign-in. Says whether it is published or held. */
export function PlaceReviewForm({ placeId, onPublished }: { placeId: string; onPublished: () => void }) {
  const { t } = useTranslation();
  const [stars, setStars] = useState(0);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<'published' | 'pending' | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const errors: FieldError[] =
      stars < 1 ? [{ fieldId: 'review-stars-1', message: t('place-safety.review.starsRequired') }] : [];
    setFieldErrors(errors);
    if (errors.length > 0) return;
    setBusy(true);
    try {
      const receipt = await sendReview(placeId, {
        stars,
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(name.trim() ? { displayName: name.trim() } : {}),
      });
      setResult(receipt.status);
      setStars(0);
      setText('');
      setName('');
      if (receipt.status === 'published') onPublished();
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const starsError = fieldErrors.find((e) => e.fieldId === 'review-stars-1')?.message ?? null;
  const textHint = t('place-safety.review.textHint');
  return (
    <section className="place-review-form" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('place-safety.review.heading')}</h2>
      <p>{t('place-safety.review.lead')}</p>
      <div role="status" tabIndex={-1} ref={resultRef} className="status-region">
        {result ? <p className="notice">{t(`place-safety.review.${result}`)}</p> : null}
      </div>
      <ErrorSummary message={problem} fieldErrors={fieldErrors} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset className={starsError ? 'field field--error place-stars' : 'field place-stars'}>
          <legend className="field__label">{t('place-safety.review.stars')}</legend>
          <FieldMessages id="review-stars" error={starsError} />
          <div className="place-stars__options">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="place-stars__option">
                <input
                  type="radio"
                  name="review-stars"
                  id={`review-stars-${n}`}
                  value={n}
                  checked={stars === n}
                  aria-describedby={starsError ? 'review-stars-error' : undefined}
                  onChange={() => setStars(n)}
                />
                <span>{t('place-safety.review.star', { count: n })}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor="review-text">
            {t('place-safety.review.text')}
          </label>
          <FieldMessages id="review-text" hint={textHint} error={null} />
          <textarea
            id="review-text"
            className="input place-review-text"
            rows={4}
            maxLength={TEXT_MAX}
            aria-describedby={describedBy('review-text', textHint, null)}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <TextField
          id="review-name"
          label={t('place-safety.review.name')}
          hint={t('place-safety.review.nameHint')}
          autoComplete="given-name"
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('place-safety.review.send')}
        </button>
      </form>
    </section>
  );
}
