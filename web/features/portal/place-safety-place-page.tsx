import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime, formatNumber } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useResource } from '../../src/use-resource.js';
import { PointsMap } from './points-map.js';
import { fetchPlace, type PlaceDetail } from './place-safety-api.js';
import { figureText, visitorsText } from './place-safety-format.js';
import { PlaceSafetyMethod } from './place-safety-method.js';
import { GradeBadge, RatingParts } from './place-safety-rating.js';
import { PlaceReviewForm } from './place-safety-review-form.js';
import { TableScroll } from './table-scroll.js';
import './place-safety.css';

/** One place: its grade and both parts, the method, the offences by category as published, reviews and the review form. */
export function PlaceSafetyPlacePage({ id }: { id: string }) {
  const language = useLanguage();
  const place = useResource((signal) => fetchPlace(id, signal), [id, language]);
  // Kept while a new review reloads the page's figures, so the form and its message stay put.
  const shown = useRef<{ data: PlaceDetail; language: string } | null>(null);
  if (place.status === 'ready') shown.current = { data: place.data, language };

  if (place.status === 'failed') return <LoadFailure error={place.error} onRetry={place.reload} />;
  if (!shown.current || shown.current.data.id !== id || shown.current.language !== language) return <LoadingMessage />;
  return <PlaceView place={shown.current.data} onReviewed={place.reload} />;
}

function PlaceView({ place, onReviewed }: { place: PlaceDetail; onReviewed: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ring = useMemo(() => place.outline.coordinates[0]?.[0]?.slice(0, -1) ?? [], [place.outline]);
  const items = useMemo(
    () => [
      {
        id: place.id,
        name: place.name,
        lon: place.centre.lon,
        lat: place.centre.lat,
        value: { label: 'count' as const, count: 1, hidden: 0 },
      },
    ],
    [place],
  );
  return (
    <>
      <p>
        <Link to="/safe-places">{t('place-safety.back')}</Link>
      </p>
      <PageHeading title={place.name}>{place.name}</PageHeading>
      <p className="place-card__meta">
        {t(`place-safety.kinds.${place.kind}`)} · {place.districtName}, {place.regionName}
      </p>
      <div className="place-summary">
        <GradeBadge rating={place.rating} />
        <div>
          <p>{t('place-safety.areaHa', { area: formatNumber(place.areaHa, language) })}</p>
          <p>{visitorsText(place.visitors, t, language)}</p>
        </div>
      </div>
      <RatingParts rating={place.rating} headingLevel={2} />
      <PointsMap items={items} title={place.name} outline={ring} />

      <h2>{t('place-safety.breakdownHeading')}</h2>
      {place.breakdown.length === 0 ? (
        <p>{t('place-safety.breakdownEmpty')}</p>
      ) : (
        <TableScroll label={t('place-safety.breakdownHeading')}>
          <table className="table" data-testid="place-breakdown">
            <caption className="table__caption">{t('place-safety.breakdownHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('place-safety.category')}</th>
                <th scope="col" className="table__numeric">
                  {t('place-safety.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {place.breakdown.map((row) => (
                <tr key={row.category}>
                  <th scope="row">{row.name}</th>
                  <td className="table__numeric">{figureText(row.value, t, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="field__hint">{t('place-safety.breakdownNote')}</p>

      <h2>{t('place-safety.reviewsHeading')}</h2>
      {place.reviews.length === 0 ? (
        <p>{t('place-safety.noReviews')}</p>
      ) : (
        <ul className="place-reviews">
          {place.reviews.map((review) => (
            <li key={review.id} className="place-review">
              <p className="place-review__stars">
                <span aria-hidden="true">{'★'.repeat(review.stars) + '☆'.repeat(5 - review.stars)}</span>
                <span className="visually-hidden">{t('place-safety.review.star', { count: review.stars })}</span>
              </p>
              {review.text ? <p className="place-review__text">{review.text}</p> : null}
              <p className="field__hint">
                {review.displayName ?? t('place-safety.visitor')} · {formatDateTime(review.receivedAt, language)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <PlaceReviewForm placeId={place.id} onPublished={onReviewed} />
      <PlaceSafetyMethod method={place.method} />
    </>
  );
}
