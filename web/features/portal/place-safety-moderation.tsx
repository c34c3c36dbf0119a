import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { useResource } from '../../src/use-resource.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { approveReview, fetchReviews, rejectReview, type ReviewState, type StaffReview } from './place-safety-api.js';

const STATES: ReviewState[] = ['pending', 'approved', 'rejected'];

/** Reviews of the staff member's places: held ones first, with the screen's reasons; publish or keep off. */
export function PlaceReviewModeration({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, setState] = useState<ReviewState>('pending');
  const [message, setMessage] = useNotice();
  const reviews = useResource((signal) => fetchReviews(state, signal), [state, language]);

  async function act(action: () => Promise<StaffReview>) {
    setMessage(null);
    try {
      await action();
      setMessage({ key: 'place-safety.admin.moderated' });
      reviews.reload();
      onChanged();
    } catch (error) {
      setMessage({ error });
    }
  }

  return (
    <section aria-labelledby="place-reviews-heading">
      <h2 id="place-reviews-heading">{t('place-safety.admin.reviewsHeading')}</h2>
      <SelectField
        id="review-state"
        label={t('place-safety.admin.show')}
        value={state}
        onChange={(e) => setState(e.target.value as ReviewState)}
      >
        {STATES.map((s) => (
          <option key={s} value={s}>
            {t(`place-safety.admin.states.${s}`)}
          </option>
        ))}
      </SelectField>
      <div role="status" className="status-region">
        {message ? <p>{message}</p> : null}
      </div>
      {reviews.status === 'loading' ? <LoadingMessage /> : null}
      {reviews.status === 'failed' ? <LoadFailure error={reviews.error} onRetry={reviews.reload} /> : null}
      {reviews.status === 'ready' && reviews.data.items.length === 0 ? <p>{t('place-safety.admin.noReviews')}</p> : null}
      {reviews.status === 'ready' ? (
        <ul className="place-reviews">
          {reviews.data.items.map((review) => (
            <ModeratedReview key={review.id} review={review} language={language} onAct={act} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ModeratedReview({
  review,
  language,
  onAct,
}: {
  review: StaffReview;
  language: 'kk' | 'ru' | 'en';
  onAct: (action: () => Promise<StaffReview>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <li className="place-review">
      <h3 className="place-review__title">
        {t('place-safety.admin.reviewOf', { stars: review.stars, place: review.placeName })}
      </h3>
      {review.text ? (
        <p className="place-review__text" lang={review.language}>
          {review.text}
        </p>
      ) : null}
      <p className="field__hint">
        {review.displayName ?? t('place-safety.visitor')} · {formatDateTime(review.receivedAt, language)}
      </p>
      {review.flags.length > 0 ? (
        <p className="notice notice--warning">
          {t('place-safety.admin.flagsLabel')}: {review.flags.map((f) => t(`place-safety.admin.flags.${f}`)).join(', ')}
        </p>
      ) : null}
      {review.rejectReason ? <p className="field__hint">{review.rejectReason}</p> : null}
      {review.state !== 'rejected' ? (
        <div className="place-editor__actions">
          {review.state === 'pending' ? (
            <button type="button" className="button" onClick={() => void onAct(() => approveReview(review.id))}>
              {t('place-safety.admin.approve')}
            </button>
          ) : null}
          <TextField
            id={`reject-reason-${review.id}`}
            label={t('place-safety.admin.reason')}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void onAct(() => rejectReview(review.id, reason.trim()))}
          >
            {t('place-safety.admin.reject')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
