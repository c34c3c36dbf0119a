import { useTranslation } from 'react-i18next';
import type { Jurisdiction } from '../../../common/roles.js';
import { useBeats, useDistricts, useRegions } from './geo-api.js';

/** A district's name, or its code until (or unless) the region's district list says otherwise. */
function DistrictName({ regionId, districtId }: { regionId: string; districtId: string }) {
  const { t } = useTranslation();
  const districts = useDistricts(regionId);
  const district = districts.data?.find((candidate) => candidate.id === districtId);
  return <>{district?.name ?? t('jurisdiction.districtCode', { id: districtId })}</>;
}

/** A beat's name, or its code. */
function BeatName({ regionId, beatId }: { regionId: string; beatId: string }) {
  const { t } = useTranslation();
  const beats = useBeats(regionId);
  const beat = beats.data?.find((candidate) => candidate.id === beatId);
  return <>{beat?.name ?? t('jurisdiction.beatCode', { id: beatId })}</>;
}

/** A jurisdiction in words: "All of Kazakhstan", "Almaty", "Almaty, Alatau District, Beat 2" ... */
export function JurisdictionLabel({ jurisdiction }: { jurisdiction: Jurisdiction }) {
  const { t } = useTranslation();
  const regions = useRegions();
  if (jurisdiction.level === 'country') return <>{t('jurisdiction.wholeCountry')}</>;

  const { regionId, districtId, beatId } = jurisdiction;
  const region = regions.data?.find((candidate) => candidate.id === regionId);
  return (
    <>
      {region?.name ?? t('jurisdiction.regionCode', { id: regionId ?? '—' })}
      {regionId && districtId ? (
        <>
          {', '}
          <DistrictName regionId={regionId} districtId={districtId} />
        </>
      ) : null}
      {regionId && jurisdiction.level === 'beat' && beatId ? (
        <>
          {', '}
          <BeatName regionId={regionId} beatId={beatId} />
        </>
      ) : null}
    </>
  );
}
