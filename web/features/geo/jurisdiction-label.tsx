import { useTranslation } from 'react-i18next';
import type { Jurisdiction } from '../../../common/roles.js';
import { useRegions } from './geo-api.js';

/** A jurisdiction in words: "Whole country", "Almaty", "Almaty, district 751210000" ... */
export function JurisdictionLabel({ jurisdiction }: { jurisdiction: Jurisdiction }) {
  const { t } = useTranslation();
  const regions = useRegions();
  if (jurisdiction.level === 'country') return <>{t('jurisdiction.wholeCountry')}</>;

  const region = regions.data?.find((candidate) => candidate.id === jurisdiction.regionId);
  const parts = [region?.name ?? t('jurisdiction.regionCode', { id: jurisdiction.regionId ?? '—' })];
  if (jurisdiction.districtId) parts.push(t('jurisdiction.districtCode', { id: jurisdiction.districtId }));
  if (jurisdiction.level === 'beat' && jurisdiction.beatId) {
    parts.push(t('jurisdiction.beatCode', { id: jurisdiction.beatId }));
  }
  return <>{parts.join(', ')}</>;
}
