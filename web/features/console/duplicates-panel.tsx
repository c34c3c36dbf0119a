import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useRefreshed } from './use-refreshed.js';
import { categoryName } from '../report/category-name.js';
import { ActionFeedback } from './action-feedback.js';
import { fetchDuplicates, mergeInto, type DuplicateCandidate, type IncidentDetail } from './console-api.js';
import { useAction } from './use-action.js';

const MERGEABLE = new Set(['new', 'triaged']);

/** Reports that may be of the same event; merging one into another needs a reason and a confirmation. */
export function DuplicatesPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const duplicates = useRefreshed((signal) => fetchDuplicates(incident.id, signal), [incident.id]);
  const { reload } = duplicates;
  // A triage or a merge elsewhere changes what may still be merged.
  useEffect(reload, [reload, incident.status]);
  return (
    <section aria-labelledby="duplicates-heading" className="panel">
      <h2 id="duplicates-heading">{t('console.duplicates.title')}</h2>
      {duplicates.status === 'loading' ? <LoadingMessage /> : null}
      {duplicates.status === 'failed' ? <LoadFailure error={duplicates.error} onRetry={duplicates.reload} /> : null}
      {duplicates.status === 'ready' && duplicates.data.length === 0 ? <p>{t('console.duplicates.none')}</p> : null}
      {duplicates.status === 'ready' && duplicates.data.length > 0 ? (
        <ul className="unit-list">
          {duplicates.data.map((candidate) => (
            <Candidate key={candidate.id} incident={incident} candidate={candidate} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Candidate({ incident, candidate }: { incident: IncidentDetail; candidate: DuplicateCandidate }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  const name = categoryName(candidate.category, language);
  async function merge(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => mergeInto(incident.id, candidate.id, reason), t('console.duplicates.merged')))
      setConfirming(false);
  }
  return (
    <li className="unit-list__item">
      <Link to={`/incidents/${candidate.id}`} className="unit-list__name">
        P{candidate.priority} · {name}
      </Link>
      <span>{t('console.duplicates.apart', { metres: candidate.distanceMetres, minutes: candidate.minutesApart })}</span>
      {MERGEABLE.has(incident.status) && !confirming ? (
        <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
          {t('console.duplicates.merge')}
        </button>
      ) : null}
      {confirming ? (
        <form className="recall-form" onSubmit={(event) => void merge(event)}>
          <p>{t('console.duplicates.confirm', { category: name })}</p>
          <label className="field__label" htmlFor={`merge-${candidate.id}`}>
            {t('console.duplicates.reason')}
          </label>
          <input
            id={`merge-${candidate.id}`}
            className="input"
            required
            maxLength={500}
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button button--warning button--small" disabled={action.pending}>
            {t('console.duplicates.confirmButton')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
            {t('console.duplicates.keep')}
          </button>
        </form>
      ) : null}
      <ActionFeedback error={action.error} done={action.done} />
    </li>
  );
}
