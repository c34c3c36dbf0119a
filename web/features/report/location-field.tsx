import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessages } from '../../src/ui/field-message.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { AddressSearch } from './address-search.js';
import { ChosenPlace } from './chosen-place.js';
import { useDevicePosition } from './device-position.js';
import type { ChosenLocation } from './report-draft.js';

// MapLibre is large: it loads only for those who open the map.
const LocationMap = lazy(async () => ({ default: (await import('./location-map.js')).LocationMap }));

interface LocationFieldProps {
  id: string;
  value: ChosenLocation | null;
  error: string | null;
  onChange: (location: ChosenLocation) => void;
}

/**
 * Where it happened, three ways: the phone's position, an address, or a tap on the map. The
 * first two need no map, so the field works with a keyboard or a screen reader alone.
 */
export function LocationField({ id, value, error, onChange }: LocationFieldProps) {
  const { t } = useTranslation();
  const [isMapOpen, setMapOpen] = useState(false);
  const position = useDevicePosition(onChange);
  const hint = t('report.location.hint');

  return (
    <fieldset
      className={error ? 'fieldset field--error location-field' : 'fieldset location-field'}
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
    >
      <legend className="fieldset__legend">{t('report.location.legend')}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <ChosenPlace location={value} />
      <div className="location-field__gps">
        <button
          id={id}
          type="button"
          className="button button--secondary location-field__button"
          disabled={position.isLocating}
          onClick={position.locate}
        >
          {position.isLocating ? t('report.location.locating') : t('report.location.useGps')}
        </button>
        <div role="status" className="status-region">
          {position.problem ? <p className="location-field__problem">{t(position.problem)}</p> : null}
        </div>
      </div>
      <AddressSearch onChoose={onChange} />
      <div className="location-field__map">
        <button
          type="button"
          className="button button--secondary location-field__button"
          aria-expanded={isMapOpen}
          aria-controls={`${id}-map`}
          onClick={() => setMapOpen((open) => !open)}
        >
          {isMapOpen ? t('report.location.hideMap') : t('report.location.showMap')}
        </button>
        <div id={`${id}-map`}>
          {isMapOpen ? (
            <Suspense fallback={<LoadingMessage label={t('map.loading')} />}>
              <LocationMap value={value} onPick={onChange} />
            </Suspense>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}
