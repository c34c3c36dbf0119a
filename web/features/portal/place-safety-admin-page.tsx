import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useResource } from '../../src/use-resource.js';
import { fetchStaffPlaces, type StaffPlace } from './place-safety-api.js';
import { PlaceEditor } from './place-safety-editor.js';
import { PlaceReviewModeration } from './place-safety-moderation.js';
import './place-safety.css';

/** Places of the staff member's area with their visitor figures, the editor, and the reviews to moderate. */
export function PlaceSafetyAdminPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const places = useResource((signal) => fetchStaffPlaces(signal), [language]);
  const [editing, setEditing] = useState<StaffPlace | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const title = t('place-safety.admin.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div role="status" className="status-region">
        {saved ? <p className="notice">{saved}</p> : null}
      </div>
      {editing ? (
        <PlaceEditor
          key={editing === 'new' ? 'new' : editing.id}
          place={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(place) => {
            setEditing(null);
            setSaved(t('place-safety.admin.saved', { name: place.names[language], district: place.districtName }));
            places.reload();
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('place-safety.admin.newPlace')}
        </button>
      )}
      <h2>{t('place-safety.admin.placesHeading')}</h2>
      {places.status === 'loading' ? <LoadingMessage /> : null}
      {places.status === 'failed' ? <LoadFailure error={places.error} onRetry={places.reload} /> : null}
      {places.status === 'ready' && places.data.items.length === 0 ? <p>{t('place-safety.admin.none')}</p> : null}
      {places.status === 'ready' ? (
        <ul className="place-list">
          {places.data.items.map((place) => (
            <li key={place.id} className="place-card">
              <div className="place-card__head">
                <h3 className="place-card__title">{place.names[language]}</h3>
                <button type="button" className="button button--secondary" onClick={() => setEditing(place)}>
                  {t('place-safety.admin.edit')}
                  <span className="visually-hidden">: {place.names[language]}</span>
                </button>
              </div>
              <p className="place-card__meta">
                {t(`place-safety.kinds.${place.kind}`)} ·{' '}
                {t('place-safety.admin.located', {
                  district: place.districtName,
                  region: place.regionName,
                  area: formatNumber(place.areaHa, language),
                })}
              </p>
              <p>
                {place.visitors
                  ? t('place-safety.visitors', {
                      hours: formatNumber(place.visitors.hoursPerMonth, language),
                      source: place.visitors.source,
                      date: place.visitors.asOf,
                    })
                  : t('place-safety.noVisitors')}
              </p>
              {place.pendingReviews > 0 ? (
                <p className="notice notice--warning">{t('place-safety.admin.pending', { count: place.pendingReviews })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <PlaceReviewModeration onChanged={places.reload} />
    </>
  );
}
