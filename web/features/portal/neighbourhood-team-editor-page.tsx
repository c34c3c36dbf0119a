import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../src/ui/page-heading.js';
import { SelectField } from '../../src/ui/select-field.js';
import { useMe } from '../auth/session.js';
import { beatsOfDistrict, useBeats, useDistricts, useRegions } from '../geo/geo-api.js';
import { BeatTeamEditor } from './neighbourhood-team-editor.js';

/**
 * The portal-admin page for neighbourhood teams: choose a beat inside one's own jurisdiction,
 * then edit its officers, priorities and meetings. A district chief starts in their district.
 */
export function NeighbourhoodTeamEditorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [regionId, setRegionId] = useState(me.jurisdiction.regionId ?? '');
  const [districtId, setDistrictId] = useState(me.jurisdiction.districtId ?? '');
  const [beatId, setBeatId] = useState(me.jurisdiction.beatId ?? '');
  const regions = useRegions();
  const districts = useDistricts(regionId);
  const beats = useBeats(regionId);
  const fixedRegion = me.jurisdiction.level !== 'country';
  const fixedDistrict = me.jurisdiction.level === 'district' || me.jurisdiction.level === 'beat';
  const beatOptions = districtId ? beatsOfDistrict(beats.data ?? [], districtId) : [];
  const title = t('portal.team.editor.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('portal.team.editor.lead')}</p>
      <div className="team-editor__pick">
        <SelectField
          id="team-region"
          label={t('portal.team.editor.region')}
          value={regionId}
          disabled={fixedRegion}
          onChange={(e) => {
            setRegionId(e.target.value);
            setDistrictId('');
            setBeatId('');
          }}
        >
          <option value="">
            {regions.status === 'loading' ? t('portal.team.editor.loading') : t('portal.team.editor.choose')}
          </option>
          {(regions.data ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="team-district"
          label={t('portal.team.editor.district')}
          value={districtId}
          disabled={fixedDistrict || !regionId}
          onChange={(e) => {
            setDistrictId(e.target.value);
            setBeatId('');
          }}
        >
          <option value="">
            {districts.status === 'loading' ? t('portal.team.editor.loading') : t('portal.team.editor.choose')}
          </option>
          {(districts.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="team-beat"
          label={t('portal.team.editor.beat')}
          value={beatId}
          disabled={!districtId || me.jurisdiction.level === 'beat'}
          onChange={(e) => setBeatId(e.target.value)}
        >
          <option value="">
            {beats.status === 'loading' ? t('portal.team.editor.loading') : t('portal.team.editor.choose')}
          </option>
          {beatOptions.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
      </div>
      {beatId ? <BeatTeamEditor key={beatId} beatId={beatId} /> : null}
    </>
  );
}
