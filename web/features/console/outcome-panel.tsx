import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryByCode } from '../../../common/categories.js';
import {
  INVESTIGATION_OUTCOME_NAMES,
  INVESTIGATION_OUTCOMES,
  type InvestigationOutcome,
} from '../../../common/investigation-outcomes.js';
import { KAZAKHSTAN_ZONE } from '../../../common/time.js';
import { localDay } from '../../../common/register-terms.js';
import { useLanguage } from '../../src/i18n.js';
import { ActionFeedback } from './action-feedback.js';
import { recordOutcome, type IncidentDetail } from './console-api.js';
import { useAction } from './use-action.js';

// The empty option's value; a select holds text, the server null.
const NOT_DECIDED = '';

/**
 * How a crime's pre-trial investigation ended, for the clearance rate: an outcome and the day it
 * was decided, saved together. Shown for crime categories only, as the server takes no other.
 */
export function OutcomePanel({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  if (categoryByCode(incident.category)?.group !== 'crime') return null;
  if (incident.status === 'merged' || incident.status === 'cancelled') {
    return <p className="notice">{t(`console.outcome.${incident.status}`)}</p>;
  }
  return <OutcomeForm incident={incident} onChanged={onChanged} />;
}

function OutcomeForm({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const storedCode: string = incident.outcome?.code ?? NOT_DECIDED;
  const storedDay = incident.outcome?.decidedOn ?? '';
  const [code, setCode] = useState(storedCode);
  const [decidedOn, setDecidedOn] = useState(storedDay);
  const action = useAction();
  // Another console's change shows; any other reload of the incident keeps a choice being made.
  useEffect(() => {
    setCode(storedCode);
    setDecidedOn(storedDay);
  }, [storedCode, storedDay]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // "Not decided" clears the day with it: a day without an outcome means nothing.
    const body =
      code === NOT_DECIDED
        ? { outcome: null, decidedOn: null }
        : { outcome: code as InvestigationOutcome, decidedOn: decidedOn || null };
    if (await action.run(() => recordOutcome(incident.id, body), t('console.outcome.saved'))) onChanged();
  }
  return (
    <section aria-labelledby="outcome-heading" className="panel">
      <h2 id="outcome-heading">{t('console.outcome.title')}</h2>
      <p id="outcome-hint" className="field__hint">
        {t('console.outcome.hint')}
      </p>
      <form className="form action-form" aria-describedby="outcome-hint" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor="outcome-code">
            {t('console.outcome.code')}
          </label>
          <select id="outcome-code" className="select" value={code} onChange={(event) => setCode(event.target.value)}>
            <option value={NOT_DECIDED}>{t('console.outcome.notDecided')}</option>
            {INVESTIGATION_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {INVESTIGATION_OUTCOME_NAMES[outcome][language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="outcome-decided-on">
            {t('console.outcome.decidedOn')}
          </label>
          <input
            id="outcome-decided-on"
            className="input"
            type="date"
            value={decidedOn}
            min={localDay(new Date(incident.occurredAt), KAZAKHSTAN_ZONE)}
            max={localDay(new Date(), KAZAKHSTAN_ZONE)}
            disabled={code === NOT_DECIDED}
            onChange={(event) => setDecidedOn(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={action.pending}>
          {t('console.outcome.save')}
        </button>
        <ActionFeedback error={action.error} done={action.done} />
      </form>
    </section>
  );
}
