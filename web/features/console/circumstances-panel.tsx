import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CIRCUMSTANCE_FIELD_NAMES,
  CIRCUMSTANCE_FIELDS,
  CIRCUMSTANCE_VALUE_NAMES,
  type CircumstanceField,
  type IncidentCircumstances,
} from '../../../common/incident-circumstances.js';
import { useLanguage } from '../../src/i18n.js';
import { ActionFeedback } from './action-feedback.js';
import { recordCircumstances, type IncidentDetail } from './console-api.js';
import { useAction } from './use-action.js';

// The empty option's value; a select holds text, the server null.
const NOT_RECORDED = '';

/**
 * What staff know of the victim, the suspect and the place, for the National Report. Five
 * selects saved together; "not recorded" is a real answer, never a "no".
 */
export function CircumstancesPanel({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  if (incident.status === 'merged' || incident.status === 'cancelled') {
    return <p className="notice">{t(`console.circumstances.${incident.status}`)}</p>;
  }
  return <CircumstancesForm incident={incident} onChanged={onChanged} />;
}

function CircumstancesForm({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<IncidentCircumstances>(incident.circumstances);
  const action = useAction();
  // When another console changes them, show what is now stored; any other reload of the
  // incident (a unit arriving) must not wipe a choice being made.
  const stored = JSON.stringify(incident.circumstances);
  useEffect(() => setValues(JSON.parse(stored) as IncidentCircumstances), [stored]);

  function choose(field: CircumstanceField, value: string) {
    setValues((all) => ({ ...all, [field]: value === NOT_RECORDED ? null : value }));
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => recordCircumstances(incident.id, values), t('console.circumstances.saved'))) onChanged();
  }
  return (
    <section aria-labelledby="circumstances-heading" className="panel">
      <h2 id="circumstances-heading">{t('console.circumstances.title')}</h2>
      <p id="circumstances-hint" className="field__hint">
        {t('console.circumstances.hint')}
      </p>
      <form className="form action-form" aria-describedby="circumstances-hint" onSubmit={(event) => void submit(event)}>
        {CIRCUMSTANCE_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label className="field__label" htmlFor={`circumstance-${field}`}>
              {CIRCUMSTANCE_FIELD_NAMES[field][language]}
            </label>
            <select
              id={`circumstance-${field}`}
              className="select"
              value={values[field] ?? NOT_RECORDED}
              onChange={(event) => choose(field, event.target.value)}
            >
              <option value={NOT_RECORDED}>{t('console.circumstances.notRecorded')}</option>
              {Object.entries<Record<typeof language, string>>(CIRCUMSTANCE_VALUE_NAMES[field]).map(([value, names]) => (
                <option key={value} value={value}>
                  {names[language]}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="button button--secondary" disabled={action.pending}>
          {t('console.circumstances.save')}
        </button>
        <ActionFeedback error={action.error} done={action.done} />
      </form>
    </section>
  );
}
