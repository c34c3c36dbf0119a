import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../src/api.js';
import { useLanguage } from '../../src/i18n.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { createPlace, PLACE_KINDS, savePlace, type PlaceKind, type PlaceWrite, type StaffPlace } from './place-safety-api.js';
import { PlaceEditorMap, type EditorShape } from './place-safety-editor-map.js';
import { FormActions, useSending } from './place-safety-form.js';
import { RestorePlaceButton, RetiredNotice } from './place-safety-retire.js';
import { TextAreaField } from '../report/text-area-field.js';

interface Draft {
  kind: PlaceKind;
  kk: string;
  ru: string;
  en: string;
  shape: 'Circle' | 'Polygon';
  lon: string;
  lat: string;
  radius: string;
  polygon: string;
  hours: string;
  source: string;
  asOf: string;
}

function draftOf(place: StaffPlace | null): Draft {
  const outline = place?.outline;
  return {
    kind: place?.kind ?? 'park',
    kk: place?.names.kk ?? '',
    ru: place?.names.ru ?? '',
    en: place?.names.en ?? '',
    shape: outline?.type ?? 'Circle',
    lon: outline?.type === 'Circle' ? String(outline.centre[0]) : '',
    lat: outline?.type === 'Circle' ? String(outline.centre[1]) : '',
    radius: outline?.type === 'Circle' ? String(outline.radiusM) : '200',
    polygon: outline?.type === 'Polygon' ? JSON.stringify(outline.coordinates) : '',
    hours: place?.visitors ? String(place.visitors.hoursPerMonth) : '',
    source: place?.visitors?.source ?? '',
    asOf: place?.visitors?.asOf ?? '',
  };
}

const numberIn = (text: string, min: number, max: number) => {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value >= min && value <= max ? value : null;
};

function parsePolygon(text: string): [number, number][][] | null {
  try {
    const rings = JSON.parse(text) as unknown;
    const isPoint = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number');
    if (!Array.isArray(rings) || rings.length === 0) return null;
    if (!rings.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPoint))) return null;
    return rings as [number, number][][];
  } catch {
    return null;
  }
}

/** What the outline fields describe so far, for the map; a field not yet valid is left out. */
function shapeOf(d: Draft): EditorShape {
  if (d.shape === 'Polygon') return { type: 'Polygon', rings: parsePolygon(d.polygon) };
  const lon = numberIn(d.lon, -180, 180);
  const lat = numberIn(d.lat, -90, 90);
  return { type: 'Circle', centre: lon !== null && lat !== null ? [lon, lat] : null, radiusM: numberIn(d.radius, 10, 5000) };
}

/** Turns the form into a request, or the field errors that keep it from being one. */
function toRequest(d: Draft, t: (key: string) => string): { body: PlaceWrite | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const l of ['kk', 'ru', 'en'] as const) {
    if (!d[l].trim()) errors.push({ fieldId: `place-name-${l}`, message: t('place-safety.admin.required') });
  }
  let outline: PlaceWrite['outline'] | null = null;
  if (d.shape === 'Circle') {
    const lon = numberIn(d.lon, -180, 180);
    const lat = numberIn(d.lat, -90, 90);
    const radius = numberIn(d.radius, 10, 5000);
    if (lon === null) errors.push({ fieldId: 'place-lon', message: t('place-safety.admin.invalidNumber') });
    if (lat === null) errors.push({ fieldId: 'place-lat', message: t('place-safety.admin.invalidNumber') });
    if (radius === null || !Number.isInteger(radius)) {
      errors.push({ fieldId: 'place-radius', message: t('place-safety.admin.invalidNumber') });
    }
    if (lon !== null && lat !== null && radius !== null) outline = { type: 'Circle', centre: [lon, lat], radiusM: radius };
  } else {
    const rings = parsePolygon(d.polygon);
    if (!rings) errors.push({ fieldId: 'place-polygon', message: t('place-safety.admin.invalidPolygon') });
    else outline = { type: 'Polygon', coordinates: rings };
  }
  const visitorFields = [d.hours, d.source, d.asOf].filter((v) => v.trim() !== '').length;
  let visitors: PlaceWrite['visitors'] = null;
  if (visitorFields > 0) {
    const hours = numberIn(d.hours, 1, 1_000_000_000);
    if (visitorFields < 3) errors.push({ fieldId: 'place-hours', message: t('place-safety.admin.visitorsIncomplete') });
    else if (hours === null || !Number.isInteger(hours)) {
      errors.push({ fieldId: 'place-hours', message: t('place-safety.admin.invalidNumber') });
    } else visitors = { hoursPerMonth: hours, source: d.source.trim(), asOf: d.asOf };
  }
  if (errors.length > 0 || !outline) return { body: null, errors };
  return { body: { kind: d.kind, names: { kk: d.kk.trim(), ru: d.ru.trim(), en: d.en.trim() }, outline, visitors }, errors };
}

/**
 * The form for a new place or an existing one; the server locates it and checks it is in the
 * editor's area. A retired place is not edited: it is shown retired, with its reason, and can
 * only be restored (after which the form comes back with what was typed).
 */
export function PlaceEditor({
  place,
  onSaved,
  onRestored,
  onStale,
  onCancel,
}: {
  place: StaffPlace | null;
  onSaved: (saved: StaffPlace) => void;
  onRestored: (restored: StaffPlace) => void;
  /** The server refused the edit because the place was retired meanwhile: show it as it is now. */
  onStale: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState(() => draftOf(place));
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const { busy, problem, setProblem, send } = useSending();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const errorOf = (id: string) => fieldErrors.find((e) => e.fieldId === id)?.message ?? null;
  const shape = useMemo(() => shapeOf(draft), [draft.shape, draft.lon, draft.lat, draft.radius, draft.polygon]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const { body, errors } = toRequest(draft, t);
    setFieldErrors(errors);
    if (!body) return;
    await send(
      () => (place ? savePlace(place.id, body) : createPlace(body)),
      onSaved,
      (error) => {
        if (place && error instanceof ApiError && error.code === 'portal.place_retired_not_editable') onStale(place.id);
      },
    );
  }

  const heading = (
    <h2 id="place-editor-heading">
      {place ? t('place-safety.admin.editing', { name: place.names[language] }) : t('place-safety.admin.creating')}
    </h2>
  );
  if (place?.retired) {
    return (
      <section className="place-editor" aria-labelledby="place-editor-heading">
        {heading}
        <ErrorSummary message={problem} />
        <RetiredNotice retired={place.retired} />
        <p>{t('place-safety.admin.restoreToEdit')}</p>
        <div className="place-editor__actions">
          <RestorePlaceButton
            place={place}
            primary
            onProblem={setProblem}
            onDone={(restored) => {
              setProblem(null);
              onRestored(restored);
            }}
          />
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('place-safety.admin.cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="place-editor" aria-labelledby="place-editor-heading">
      {heading}
      <ErrorSummary message={problem} fieldErrors={fieldErrors} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <SelectField
          id="place-kind-edit"
          label={t('place-safety.filters.kind')}
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value as PlaceKind })}
        >
          {PLACE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`place-safety.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        {(['kk', 'ru', 'en'] as const).map((l) => (
          <TextField
            key={l}
            id={`place-name-${l}`}
            lang={l}
            label={t(`place-safety.admin.name${l === 'kk' ? 'Kk' : l === 'ru' ? 'Ru' : 'En'}`)}
            maxLength={200}
            error={errorOf(`place-name-${l}`)}
            value={draft[l]}
            onChange={(e) => set({ [l]: e.target.value })}
          />
        ))}
        <fieldset className="field">
          <legend className="field__label">{t('place-safety.admin.outline')}</legend>
          {(['Circle', 'Polygon'] as const).map((shape) => (
            <label key={shape} className="place-stars__option">
              <input type="radio" name="place-shape" checked={draft.shape === shape} onChange={() => set({ shape })} />
              <span>{t(`place-safety.admin.${shape === 'Circle' ? 'circle' : 'polygon'}`)}</span>
            </label>
          ))}
        </fieldset>
        <PlaceEditorMap shape={shape} onPickCentre={([lon, lat]) => set({ lon: String(lon), lat: String(lat) })} />
        {draft.shape === 'Circle' ? (
          <div className="place-editor__row">
            <TextField
              id="place-lon"
              inputMode="decimal"
              label={t('place-safety.admin.lon')}
              error={errorOf('place-lon')}
              value={draft.lon}
              onChange={(e) => set({ lon: e.target.value })}
            />
            <TextField
              id="place-lat"
              inputMode="decimal"
              label={t('place-safety.admin.lat')}
              error={errorOf('place-lat')}
              value={draft.lat}
              onChange={(e) => set({ lat: e.target.value })}
            />
            <TextField
              id="place-radius"
              inputMode="numeric"
              label={t('place-safety.admin.radius')}
              hint={t('place-safety.admin.radiusHint')}
              error={errorOf('place-radius')}
              value={draft.radius}
              onChange={(e) => set({ radius: e.target.value })}
            />
          </div>
        ) : (
          <TextAreaField
            id="place-polygon"
            label={t('place-safety.admin.polygonField')}
            hint={t('place-safety.admin.polygonHint')}
            error={errorOf('place-polygon')}
            rows={5}
            value={draft.polygon}
            onChange={(e) => set({ polygon: e.target.value })}
          />
        )}
        <fieldset className="field">
          <legend className="field__label">{t('place-safety.admin.visitorsLegend')}</legend>
          <p className="field__hint">{t('place-safety.admin.visitorsHint')}</p>
          <div className="place-editor__row">
            <TextField
              id="place-hours"
              inputMode="numeric"
              label={t('place-safety.admin.hours')}
              error={errorOf('place-hours')}
              value={draft.hours}
              onChange={(e) => set({ hours: e.target.value })}
            />
            <TextField
              id="place-source"
              label={t('place-safety.admin.source')}
              maxLength={300}
              value={draft.source}
              onChange={(e) => set({ source: e.target.value })}
            />
            <TextField
              id="place-as-of"
              type="date"
              label={t('place-safety.admin.asOf')}
              value={draft.asOf}
              onChange={(e) => set({ asOf: e.target.value })}
            />
          </div>
        </fieldset>
        <FormActions submitLabel={t('place-safety.admin.save')} busy={busy} onCancel={onCancel} />
      </form>
    </section>
  );
}
