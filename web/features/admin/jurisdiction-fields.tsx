import { useTranslation } from 'react-i18next';
import { JURISDICTION_LEVELS, type JurisdictionLevel } from '../../../common/roles.js';
import { useRegions } from '../geo/geo-api.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { fieldsForLevel, type JurisdictionDraft, type JurisdictionField } from './jurisdiction-draft.js';

interface JurisdictionFieldsProps {
  idPrefix: string;
  value: JurisdictionDraft;
  onChange: (value: JurisdictionDraft) => void;
  /** Already translated messages by field. */
  errors: Partial<Record<JurisdictionField, string>>;
}

/** Level, then the region, district and beat that level needs. */
export function JurisdictionFields({ idPrefix, value, onChange, errors }: JurisdictionFieldsProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  const needed = fieldsForLevel(value.level);
  const sortedRegions = [...(regions.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('jurisdiction.label')}</legend>
      <p className="field__hint">{t('admin.jurisdictionHint')}</p>
      <SelectField
        id={`${idPrefix}-level`}
        label={t('jurisdiction.levelLabel')}
        value={value.level}
        onChange={(event) => onChange({ ...value, level: event.target.value as JurisdictionLevel })}
      >
        {JURISDICTION_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`jurisdiction.levels.${level}`)}
          </option>
        ))}
      </SelectField>
      {needed.includes('regionId') ? (
        regions.status === 'ready' ? (
          <SelectField
            id={`${idPrefix}-regionId`}
            label={t('jurisdiction.levels.region')}
            value={value.regionId}
            error={errors.regionId}
            onChange={(event) => onChange({ ...value, regionId: event.target.value })}
          >
            <option value="">{t('admin.chooseRegion')}</option>
            {sortedRegions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </SelectField>
        ) : (
          // Without the list of regions the id can still be typed.
          <TextField
            id={`${idPrefix}-regionId`}
            label={t('jurisdiction.regionId')}
            value={value.regionId}
            error={errors.regionId}
            onChange={(event) => onChange({ ...value, regionId: event.target.value })}
          />
        )
      ) : null}
      {needed.includes('districtId') ? (
        <TextField
          id={`${idPrefix}-districtId`}
          label={t('jurisdiction.districtId')}
          hint={t('admin.districtIdHint')}
          value={value.districtId}
          error={errors.districtId}
          spellCheck={false}
          onChange={(event) => onChange({ ...value, districtId: event.target.value })}
        />
      ) : null}
      {needed.includes('beatId') ? (
        <TextField
          id={`${idPrefix}-beatId`}
          label={t('jurisdiction.beatId')}
          value={value.beatId}
          error={errors.beatId}
          spellCheck={false}
          onChange={(event) => onChange({ ...value, beatId: event.target.value })}
        />
      ) : null}
    </fieldset>
  );
}
