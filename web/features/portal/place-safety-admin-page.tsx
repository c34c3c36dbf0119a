import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useResource } from '../../src/use-resource.js';
import { fetchStaffPlace, fetchStaffPlaces, type StaffPlace } from './place-safety-api.js';
import { PlaceEditor } from './place-safety-editor.js';
import { visitorsText } from './place-safety-format.js';
import { PlaceReviewModeration } from './place-safety-moderation.js';
import { RestorePlaceButton, RetiredNotice, RetirePlaceForm } from './place-safety-retire.js';
import './place-safety.css';

/** Places of the staff member's area with their visitor figures, the editor, and the reviews to moderate. */
export function PlaceSafetyAdminPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const places = useResource((signal) => fetchStaffPlaces(signal), [language]);
  const [editing, setEditing] = useState<StaffPlace | 'new' | null>(null);
  const [retiring, setRetiring] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const changed = (message: string) => {
    setProblem(null);
    setSaved(message);
    places.reload();
  };
  // An editor open on a place that was just retired or restored shows it as it now is.
  const show = (place: StaffPlace) => setEditing((open) => (open && open !== 'new' && open.id === place.id ? place : open));
  const restored = (place: StaffPlace) => {
    show(place);
    changed(t('place-safety.admin.restored', { name: place.names[language] }));
  };

  const title = t('place-safety.admin.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div role="status" className="status-region">
        {saved ? <p className="notice">{saved}</p> : null}
      </div>
      <ErrorSummary message={problem} />
      {editing ? (
        <PlaceEditor
          key={editing === 'new' ? 'new' : editing.id}
          place={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onStale={(id) => {
            places.reload();
            void fetchStaffPlace(id).then(show, () => undefined);
          }}
          onRestored={restored}
          onSaved={(place) => {
            setEditing(null);
            changed(t('place-safety.admin.saved', { name: place.names[language], district: place.districtName }));
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
            <li key={place.id} className={place.retired ? 'place-card place-card--retired' : 'place-card'}>
              <div className="place-card__head">
                <h3 className="place-card__title">{place.names[language]}</h3>
                <div className="place-card__actions">
                  {/* A retired place is restored before it is edited (the server refuses otherwise). */}
                  {place.retired ? (
                    <RestorePlaceButton place={place} onProblem={setProblem} onDone={restored} />
                  ) : (
                    <>
                      <button type="button" className="button button--secondary" onClick={() => setEditing(place)}>
                        {t('place-safety.admin.edit')}
                        <span className="visually-hidden">: {place.names[language]}</span>
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-expanded={retiring === place.id}
                        onClick={() => setRetiring(retiring === place.id ? null : place.id)}
                      >
                        {t('place-safety.admin.retire')}
                        <span className="visually-hidden">: {place.names[language]}</span>
                      </button>
                    </>
                  )}
                </div>
              </div>
              <p className="place-card__meta">
                {t(`place-safety.kinds.${place.kind}`)} ·{' '}
                {t('place-safety.admin.located', {
                  district: place.districtName,
                  region: place.regionName,
                  area: formatNumber(place.areaHa, language),
                })}
              </p>
              {place.retired ? <RetiredNotice retired={place.retired} /> : null}
              <p>{visitorsText(place.visitors, t, language)}</p>
              {place.pendingReviews > 0 ? (
                <p className="notice notice--warning">{t('place-safety.admin.pending', { count: place.pendingReviews })}</p>
              ) : null}
              {retiring === place.id && !place.retired ? (
                <RetirePlaceForm
                  place={place}
                  onCancel={() => setRetiring(null)}
                  onDone={(p) => {
                    setRetiring(null);
                    show(p);
                    changed(t('place-safety.admin.retiredNow', { name: p.names[language] }));
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <PlaceReviewModeration onChanged={places.reload} />
    </>
  );
}
