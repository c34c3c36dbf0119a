import { SelectField } from '../../src/ui/select-field.js';
import { useDistricts, useRegions } from '../geo/geo-api.js';

export interface Area {
  region: string;
  district: string;
}

interface AreaPickerProps {
  /** Ids of the two selects. */
  ids: { region: string; district: string };
  labels: { region: string; district: string; anyRegion: string; anyDistrict: string };
  value: Area;
  /** A new region clears the district, which belongs to the region before it. */
  onChange: (area: Area) => void;
  /** Kept by the caller's jurisdiction; the district is also locked until a region is chosen. */
  locked?: { region?: boolean; district?: boolean };
}

/** A region select and the chosen region's districts, for the portal's filters and editors. */
export function AreaPicker({ ids, labels, value, onChange, locked = {} }: AreaPickerProps) {
  const regions = useRegions();
  const districts = useDistricts(value.region);
  return (
    <>
      <SelectField
        id={ids.region}
        label={labels.region}
        value={value.region}
        disabled={locked.region}
        onChange={(e) => onChange({ region: e.target.value, district: '' })}
      >
        <option value="">{labels.anyRegion}</option>
        {regions.status === 'ready'
          ? regions.data.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))
          : null}
      </SelectField>
      <SelectField
        id={ids.district}
        label={labels.district}
        value={value.district}
        disabled={locked.district || !value.region}
        onChange={(e) => onChange({ region: value.region, district: e.target.value })}
      >
        <option value="">{labels.anyDistrict}</option>
        {value.region && districts.status === 'ready'
          ? districts.data.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))
          : null}
      </SelectField>
    </>
  );
}
