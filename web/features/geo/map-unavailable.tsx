import { useTranslation } from 'react-i18next';

/** In a region-sized map's place when the browser has no WebGL; the list beside it says the same in words. */
export function MapUnavailable() {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warning region-map region-map--failed">
      <p>{t('map.unavailable')}</p>
    </div>
  );
}
