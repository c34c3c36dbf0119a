import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { fetchClientConfig, fetchRegionBoundaries, type RegionBoundaries } from './geo-api.js';
import { BOUNDARIES_CREDIT } from './map-attribution.js';

export type MapData = { attribution: string } & (
  | { status: 'loading' | 'failed'; placeholder: ReactElement }
  | { status: 'ready'; boundaries: RegionBoundaries; tileUrl: string | null; placeholder: null }
);

/**
 * What a map needs from the server, in the reader's language: the region boundaries, the tile
 * server if there is one, and the credits to show beneath it (the boundaries' own when the
 * client configuration cannot be read, which then only costs the tiles). Until the boundaries
 * are there, `placeholder` says they are loading, or why they failed with a way to try again.
 */
export function useMapData(): MapData {
  const { t } = useTranslation();
  const language = useLanguage();
  const config = useResource((signal) => fetchClientConfig(signal), [language]);
  const boundaries = useResource((signal) => fetchRegionBoundaries(signal), [language]);
  const attribution = config.data?.attribution ?? BOUNDARIES_CREDIT;
  if (boundaries.status === 'failed') {
    return { status: 'failed', attribution, placeholder: <LoadFailure error={boundaries.error} onRetry={boundaries.reload} /> };
  }
  if (boundaries.status === 'loading' || config.status === 'loading') {
    return { status: 'loading', attribution, placeholder: <LoadingMessage label={t('map.loading')} /> };
  }
  return {
    status: 'ready',
    boundaries: boundaries.data,
    tileUrl: config.data?.mapTileUrl ?? null,
    attribution,
    placeholder: null,
  };
}
