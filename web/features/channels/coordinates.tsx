import { useTranslation } from 'react-i18next';

/** A point as latitude and longitude, five decimals (about a metre). */
export function Coordinates({ point }: { point: { coordinates: number[] } }) {
  const { t } = useTranslation();
  const [lon = 0, lat = 0] = point.coordinates;
  return <span className="channels-table__note">{t('channels.coordinates', { lat: lat.toFixed(5), lon: lon.toFixed(5) })}</span>;
}
