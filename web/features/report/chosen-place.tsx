import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../src/api.js';
import { useLanguage } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import { useResource } from '../../src/use-resource.js';
import { resolvePlace } from './report-api.js';
import type { ChosenLocation } from './report-draft.js';

function coordinatesText([lon, lat]: [number, number]): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

/**
 * The place chosen so far, in words: the address or the coordinates, and the region and district
 * the server puts it in, so a wrong tap shows before the report goes. Announced as it changes.
 */
export function ChosenPlace({ location }: { location: ChosenLocation | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const key = location ? location.coordinates.join(',') : '';
  const resolved = useResource(
    (signal) => (location ? resolvePlace(location.coordinates, signal) : Promise.resolve(null)),
    [key, language],
  );

  let area: string | null = null;
  if (resolved.status === 'ready' && resolved.data) area = `${resolved.data.region.name}, ${resolved.data.district.name}`;
  // Offline the area is simply not shown; any other refusal (outside Kazakhstan) is worth saying.
  const refusal =
    resolved.status === 'failed' && !(resolved.error instanceof ApiError && resolved.error.code === 'network')
      ? errorMessage(resolved.error)
      : null;

  return (
    <div className="chosen-place" role="status" aria-live="polite" aria-atomic="true">
      {location ? (
        <>
          <p className="chosen-place__title">{t(`report.location.chosen.${location.source}`)}</p>
          <p className="chosen-place__where">{location.label ?? coordinatesText(location.coordinates)}</p>
          {location.accuracy !== null ? (
            <p className="chosen-place__detail">
              {t('report.location.accuracy', { metres: formatNumber(location.accuracy, language) })}
            </p>
          ) : null}
          {area ? <p className="chosen-place__detail">{area}</p> : null}
          {refusal ? <p className="chosen-place__refusal">{refusal}</p> : null}
        </>
      ) : (
        <p className="chosen-place__none">{t('report.location.none')}</p>
      )}
    </div>
  );
}
