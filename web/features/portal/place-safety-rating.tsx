import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import type { Rating } from './place-safety-api.js';
import { figureText, rateText } from './place-safety-format.js';

/** The grade letter in a badge, with its score; the letter is also said in words for screen readers. */
export function GradeBadge({ rating }: { rating: Rating }) {
  const { t } = useTranslation();
  if (!rating.grade) return <span className="place-grade place-grade--none">{t('place-safety.noGrade')}</span>;
  return (
    <span className={`place-grade place-grade--${rating.grade.toLowerCase()}`}>
      <span className="place-grade__letter" aria-hidden="true">
        {rating.grade}
      </span>
      <span className="place-grade__text">
        <span className="visually-hidden">{t('place-safety.grade', { grade: rating.grade })}, </span>
        {t('place-safety.gradeScore', { score: rating.score })}
      </span>
    </span>
  );
}

/** The two parts of a rating side by side: offences and reviews, each with its own score. */
export function RatingParts({ rating, headingLevel }: { rating: Rating; headingLevel: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const { incidents, reviews } = rating;
  const rate = rateText(incidents.rate, t, language);
  return (
    <div className="place-parts">
      <section className="place-part">
        <Heading className="place-part__title">{t('place-safety.incidentsPart')}</Heading>
        {incidents.months === 0 ? (
          <p>{t('place-safety.noMonths')}</p>
        ) : (
          <>
            <p>{t('place-safety.total', { months: incidents.months, value: figureText(incidents.total, t, language) })}</p>
            {rate ? <p>{rate}</p> : null}
            {incidents.score === null ? (
              <p>{t('place-safety.noComparison')}</p>
            ) : (
              <>
                <p>{t('place-safety.incidentScore', { score: incidents.score })}</p>
                <p className="place-part__score">{t('place-safety.partScore', { score: incidents.score })}</p>
              </>
            )}
          </>
        )}
      </section>
      <section className="place-part">
        <Heading className="place-part__title">{t('place-safety.reviewsPart')}</Heading>
        {reviews.count === 0 || reviews.stars === null ? (
          <p>{t('place-safety.noReviews')}</p>
        ) : (
          <>
            <p>{t('place-safety.stars', { stars: formatNumber(reviews.stars, language) })}</p>
            <p>{t('place-safety.reviewCount', { count: reviews.count })}</p>
            <p className="place-part__score">{t('place-safety.partScore', { score: reviews.score })}</p>
          </>
        )}
      </section>
    </div>
  );
}
