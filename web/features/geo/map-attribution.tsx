import { useTranslation } from 'react-i18next';

/** The boundaries' CC BY credit, used if the server's client configuration cannot be read. */
export const BOUNDARIES_CREDIT =
  'geokz, Alexander Rodionov; based on the Bureau of National Statistics of Kazakhstan and OCHA COD-AB (CC BY 4.0)';

/** The map's data credits, always visible beneath it (the licence requires it). */
export function MapAttribution({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <figcaption className="map-attribution">
      <span className="map-attribution__label">{t('map.attribution')}: </span>
      {text}
    </figcaption>
  );
}
