import { useTranslation } from 'react-i18next';
import type { Jurisdiction } from '../../../common/roles.js';
import { SelectField } from '../../src/ui/select-field.js';
import { beatsOfDistrict, useBeats, useDistricts, useRegions } from '../geo/geo-api.js';

export interface PlaceDraft {
  regionId: string;
  districtId: string;
  beatId: string;
}

/** The officer's own place filled in, so a beat inspector has nothing left to choose. */
export function placeFrom(jurisdiction: Jurisdiction): PlaceDraft {
  return {
    regionId: jurisdiction.regionId ?? '',
    districtId: jurisdiction.districtId ?? '',
    beatId: jurisdiction.beatId ?? '',
  };
}

interface Props {
  scope: Jurisdiction;
  value: PlaceDraft;
  onChange: (value: PlaceDraft) => void;
  error: string | null;
}

/**
 * Where the victim lives, from the places of the officer's own jurisdiction only: region and
 * district lists appear only where the officer has a choice of them.
 */
export function CasePlaceFields({ scope, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="case-form__group">
      <legend className="case-form__legend">{t('prevention.create.place')}</legend>
      <p className="field__hint">{t('prevention.create.placeHint')}</p>
      {scope.level === 'country' ? <RegionChoice value={value} onChange={onChange} /> : null}
      {scope.level === 'country' || scope.level === 'region' ? <DistrictChoice value={value} onChange={onChange} /> : null}
      <BeatChoice value={value} onChange={onChange} error={error} fixed={scope.level === 'beat'} />
    </fieldset>
  );
}

type ChoiceProps = Pick<Props, 'value' | 'onChange'> & { id?: string; error?: string | null };

/** The region list of a country-level user; choosing one clears the district and beat. */
export function RegionChoice({ value, onChange, id = 'new-case-region' }: ChoiceProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <SelectField
      id={id}
      label={t('prevention.create.region')}
      value={value.regionId}
      aria-busy={regions.status === 'loading' || undefined}
      onChange={(e) => onChange({ regionId: e.target.value, districtId: '', beatId: '' })}
    >
      <option value="">{t('prevention.create.choose')}</option>
      {(regions.data ?? []).map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The districts of the chosen region; disabled until a region is chosen. */
export function DistrictChoice({ value, onChange, id = 'new-case-district', error }: ChoiceProps) {
  const { t } = useTranslation();
  const districts = useDistricts(value.regionId);
  return (
    <SelectField
      id={id}
      label={t('prevention.create.district')}
      error={error}
      value={value.districtId}
      disabled={!value.regionId}
      aria-busy={districts.status === 'loading' || undefined}
      onChange={(e) => onChange({ ...value, districtId: e.target.value, beatId: '' })}
    >
      <option value="">{t('prevention.create.choose')}</option>
      {(value.regionId ? (districts.data ?? []) : []).map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </SelectField>
  );
}

function BeatChoice({ value, onChange, error, fixed }: Pick<Props, 'value' | 'onChange' | 'error'> & { fixed: boolean }) {
  const { t } = useTranslation();
  const beats = useBeats(value.regionId);
  const options = value.districtId ? beatsOfDistrict(beats.data ?? [], value.districtId) : [];
  const shown = fixed ? options.filter((b) => b.id === value.beatId) : options;
  return (
    <SelectField
      id="new-case-beat"
      label={t('prevention.create.beat')}
      value={value.beatId}
      error={error}
      disabled={!value.districtId}
      aria-busy={beats.status === 'loading' || undefined}
      onChange={(e) => onChange({ ...value, beatId: e.target.value })}
    >
      {fixed ? null : <option value="">{t('prevention.create.choose')}</option>}
      {fixed && shown.length === 0 && value.beatId ? <option value={value.beatId}>{value.beatId}</option> : null}
      {shown.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name}
        </option>
      ))}
    </SelectField>
  );
}
