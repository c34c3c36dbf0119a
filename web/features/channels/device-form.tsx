import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../src/ui/use-notice.js';
import { Checkbox } from '../../src/ui/checkbox.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { FocusHeading } from '../../src/ui/focus-heading.js';
import { TextField } from '../../src/ui/text-field.js';
import { CAMERA_EVENT_TYPES, registerDevice, updateDevice, type DeviceKind, type DeviceView } from './channels-api.js';
import { deviceDraftProblems, deviceInput, draftFromDevice, type DeviceDraft } from './device-draft.js';
import type { ShownSecret } from './device-secret.js';
import { LocationMap } from '../report/location-map.js';
import type { ChosenLocation } from '../report/report-draft.js';

interface DeviceFormProps {
  kind: DeviceKind;
  /** The device to edit; a new one is registered without it. */
  device?: DeviceView;
  onSaved: (result: ShownSecret | DeviceView) => void;
  onCancel: () => void;
}

const ID = 'device';

/** Registers a device at a place, or edits one: its name, place and (for a camera) what it reports. */
export function DeviceForm({ kind, device, onSaved, onCancel }: DeviceFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DeviceDraft>(() => draftFromDevice(device));
  const [problems, setProblems] = useState<Partial<Record<keyof DeviceDraft, string>>>({});
  const [serverError, setServerError] = useNotice();
  const [isSaving, setSaving] = useState(false);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const texts = kind === 'camera' ? 'channels.cameras' : 'channels.buttons';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    const found = deviceDraftProblems(draft, kind);
    setProblems(found);
    setServerError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const input = deviceInput(draft, kind);
      if (device) onSaved(await updateDevice(device.id, input));
      else onSaved(await registerDevice(kind, input));
    } catch (error) {
      setServerError({ error });
      setSaving(false);
    }
  }

  function fillMyPosition() {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        setDraft((previous) => ({
          ...previous,
          latitude: position.coords.latitude.toFixed(6),
          longitude: position.coords.longitude.toFixed(6),
        }));
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  const message = (field: keyof DeviceDraft) => (problems[field] ? t(problems[field]) : null);
  const fieldErrors: FieldError[] = Object.entries(problems).map(([field, key]) => ({
    fieldId: `${ID}-${field}`,
    message: t(key),
  }));
  const eventsId = `${ID}-eventTypes`;

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FocusHeading>{device ? t('channels.form.editTitle', { name: device.name }) : t(`${texts}.registerTitle`)}</FocusHeading>
      <ErrorSummary message={serverError} fieldErrors={fieldErrors} />
      <TextField
        id={`${ID}-name`}
        label={t('channels.form.name')}
        hint={t(`${texts}.nameHint`)}
        autoComplete="off"
        value={draft.name}
        error={message('name')}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('channels.form.place')}</legend>
        <p className="field__hint">{t('channels.form.placeHint')}</p>
        <div className="channels-form__coordinates">
          <TextField
            id={`${ID}-latitude`}
            label={t('channels.form.latitude')}
            inputMode="decimal"
            autoComplete="off"
            value={draft.latitude}
            error={message('latitude')}
            onChange={(event) => setDraft({ ...draft, latitude: event.target.value })}
          />
          <TextField
            id={`${ID}-longitude`}
            label={t('channels.form.longitude')}
            inputMode="decimal"
            autoComplete="off"
            value={draft.longitude}
            error={message('longitude')}
            onChange={(event) => setDraft({ ...draft, longitude: event.target.value })}
          />
        </div>
        {'geolocation' in navigator ? (
          <p>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-disabled={locating === 'busy'}
              onClick={fillMyPosition}
            >
              {t('channels.form.usePosition')}
            </button>
            <span role="status" className="channels-form__locating">
              {locating === 'busy' ? t('channels.form.locating') : locating === 'failed' ? t('channels.form.locateFailed') : ''}
            </span>
          </p>
        ) : null}
        <LocationMap
          value={pickedOn(draft)}
          onPick={({ coordinates: [lon, lat] }) => setDraft(placedAt(draft, lon, lat))}
          hint={t('channels.form.mapHint')}
        />
      </fieldset>
      {kind === 'camera' ? (
        <fieldset
          className={problems.eventTypes ? 'fieldset field--error' : 'fieldset'}
          id={eventsId}
          tabIndex={-1}
          aria-describedby={problems.eventTypes ? `${eventsId}-hint ${eventsId}-error` : `${eventsId}-hint`}
        >
          <legend className="fieldset__legend">{t('channels.form.eventTypes')}</legend>
          <FieldMessages id={eventsId} hint={t('channels.form.eventTypesHint')} error={message('eventTypes')} />
          <div className="checkboxes">
            {CAMERA_EVENT_TYPES.map((type) => (
              <Checkbox
                key={type}
                id={`${eventsId}-${type}`}
                label={t(`channels.eventTypes.${type}`)}
                checked={draft.eventTypes.includes(type)}
                onChange={(event) => {
                  const next = event.target.checked ? [...draft.eventTypes, type] : draft.eventTypes.filter((c) => c !== type);
                  setDraft({ ...draft, eventTypes: CAMERA_EVENT_TYPES.filter((c) => next.includes(c)) });
                }}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="button-group">
        <button type="submit" className="button" aria-disabled={isSaving}>
          {device ? t('channels.form.save') : t(`${texts}.registerSubmit`)}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The draft's place as a map marker, when its coordinates are numbers. */
function pickedOn(draft: DeviceDraft): ChosenLocation | null {
  const lat = Number(draft.latitude);
  const lon = Number(draft.longitude);
  if (draft.latitude.trim() === '' || draft.longitude.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lon))
    return null;
  return { coordinates: [lon, lat], source: 'map', label: null, accuracy: null };
}

function placedAt(draft: DeviceDraft, lon: number, lat: number): DeviceDraft {
  return { ...draft, latitude: lat.toFixed(6), longitude: lon.toFixed(6) };
}
