import { useTranslation } from 'react-i18next';
import type { Jurisdiction, JurisdictionLevel } from '../../../common/roles.js';
import { errorMessage } from '../../src/api.js';
import { useLanguage } from '../../src/i18n.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { useMe } from '../auth/session.js';
import { beatsOfDistrict, useBeats, useDistricts, useRegions } from '../geo/geo-api.js';
import {
  fieldsForLevel,
  grantableLevels,
  isGrantable,
  withDistrict,
  withRegion,
  type JurisdictionDraft,
  type JurisdictionField,
} from './jurisdiction-draft.js';

interface JurisdictionFieldsProps {
  idPrefix: string;
  value: JurisdictionDraft;
  onChange: (value: JurisdictionDraft) => void;
  /** Already translated messages by field. */
  errors: Partial<Record<JurisdictionField, string>>;
}

interface ChoiceProps {
  id: string;
  /** The administrator's own jurisdiction: nothing outside it is offered. */
  scope: Jurisdiction;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/**
 * A list that cannot be offered yet (its parent is not chosen). It keeps its id, so the error
 * summary's link still leads somewhere, and says what to choose first.
 */
function WaitingSelect({ id, label, prompt, error }: { id: string; label: string; prompt: string; error: string | undefined }) {
  return (
    <SelectField id={id} label={label} value="" error={error} onChange={() => undefined}>
      <option value="">{prompt}</option>
    </SelectField>
  );
}

/** The districts of the chosen region; a code typed by hand if the list cannot be loaded. */
function DistrictChoice({ id, scope, regionId, value, error, onChange }: ChoiceProps & { regionId: string }) {
  const { t } = useTranslation();
  const districts = useDistricts(regionId);
  const label = t('jurisdiction.levels.district');
  if (districts.status === 'failed' || (districts.status === 'ready' && districts.data.length === 0)) {
    return (
      <TextField
        id={id}
        label={t('jurisdiction.districtId')}
        hint={districts.status === 'failed' ? t('admin.listFailed', { reason: errorMessage(districts.error) }) : undefined}
        value={value}
        error={error}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const options = (districts.data ?? []).filter((district) => isGrantable(scope, 'districtId', district.id));
  const isLoading = districts.status === 'loading';
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      error={error}
      aria-busy={isLoading || undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{isLoading ? t('common.loading') : t('admin.chooseDistrict')}</option>
      {/* A stored district the list does not (or not yet) have is kept, not silently dropped. */}
      {value && !options.some((district) => district.id === value) ? (
        <option value={value}>{t('jurisdiction.districtCode', { id: value })}</option>
      ) : null}
      {options.map((district) => (
        <option key={district.id} value={district.id}>
          {district.name}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * The police beats of the chosen district. Beats are known only where their boundaries are
 * loaded; elsewhere (or if the list fails) the beat's code is typed by hand.
 */
function BeatChoice({
  id,
  regionId,
  districtId,
  value,
  error,
  onChange,
}: ChoiceProps & { regionId: string; districtId: string }) {
  const { t } = useTranslation();
  const beats = useBeats(regionId);
  const options = beatsOfDistrict(beats.data ?? [], districtId);
  if (beats.status === 'failed' || (beats.status === 'ready' && options.length === 0)) {
    return (
      <TextField
        id={id}
        label={t('jurisdiction.beatId')}
        hint={beats.status === 'failed' ? t('admin.listFailed', { reason: errorMessage(beats.error) }) : t('admin.beatsNone')}
        value={value}
        error={error}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const isLoading = beats.status === 'loading';
  return (
    <SelectField
      id={id}
      label={t('jurisdiction.levels.beat')}
      value={value}
      error={error}
      aria-busy={isLoading || undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{isLoading ? t('common.loading') : t('admin.chooseBeat')}</option>
      {value && !options.some((beat) => beat.id === value) ? (
        <option value={value}>{t('jurisdiction.beatCode', { id: value })}</option>
      ) : null}
      {options.map((beat) => (
        <option key={beat.id} value={beat.id}>
          {beat.name}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * Level, then the region, district and beat that level needs, each chosen from a list. Only what
 * lies inside the signed-in administrator's own jurisdiction is offered.
 */
export function JurisdictionFields({ idPrefix, value, onChange, errors }: JurisdictionFieldsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scope = useMe().jurisdiction;
  const regions = useRegions();
  const needed = fieldsForLevel(value.level);
  const sortedRegions = (regions.data ?? [])
    .filter((region) => isGrantable(scope, 'regionId', region.id))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  const regionId = value.regionId.trim();
  const districtId = value.districtId.trim();

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
        {grantableLevels(scope).map((level) => (
          <option key={level} value={level}>
            {t(`jurisdiction.levels.${level}`)}
          </option>
        ))}
      </SelectField>
      {needed.includes('regionId') ? (
        regions.status === 'failed' ? (
          // Without the list of regions the id can still be typed.
          <TextField
            id={`${idPrefix}-regionId`}
            label={t('jurisdiction.regionId')}
            hint={t('admin.listFailed', { reason: errorMessage(regions.error) })}
            value={value.regionId}
            error={errors.regionId}
            spellCheck={false}
            onChange={(event) => onChange(withRegion(value, event.target.value))}
          />
        ) : (
          <SelectField
            id={`${idPrefix}-regionId`}
            label={t('jurisdiction.levels.region')}
            value={value.regionId}
            error={errors.regionId}
            aria-busy={regions.status === 'loading' || undefined}
            onChange={(event) => onChange(withRegion(value, event.target.value))}
          >
            <option value="">{regions.status === 'loading' ? t('common.loading') : t('admin.chooseRegion')}</option>
            {regions.status === 'loading' && value.regionId ? (
              <option value={value.regionId}>{t('jurisdiction.regionCode', { id: value.regionId })}</option>
            ) : null}
            {sortedRegions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </SelectField>
        )
      ) : null}
      {needed.includes('districtId') ? (
        regionId ? (
          <DistrictChoice
            key={regionId}
            id={`${idPrefix}-districtId`}
            scope={scope}
            regionId={regionId}
            value={value.districtId}
            error={errors.districtId}
            onChange={(id) => onChange(withDistrict(value, id))}
          />
        ) : (
          <WaitingSelect
            id={`${idPrefix}-districtId`}
            label={t('jurisdiction.levels.district')}
            prompt={t('admin.chooseRegionFirst')}
            error={errors.districtId}
          />
        )
      ) : null}
      {needed.includes('beatId') ? (
        regionId && districtId ? (
          <BeatChoice
            key={regionId}
            id={`${idPrefix}-beatId`}
            scope={scope}
            regionId={regionId}
            districtId={districtId}
            value={value.beatId}
            error={errors.beatId}
            onChange={(id) => onChange({ ...value, beatId: id })}
          />
        ) : (
          <WaitingSelect
            id={`${idPrefix}-beatId`}
            label={t('jurisdiction.levels.beat')}
            prompt={t('admin.chooseDistrictFirst')}
            error={errors.beatId}
          />
        )
      ) : null}
    </fieldset>
  );
}
