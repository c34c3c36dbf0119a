import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionFeedback } from './action-feedback.js';
import { addNote, changeStatus, triage, type IncidentDetail } from './console-api.js';
import { PriorityChoice } from './priority-choice.js';
import { useAction } from './use-action.js';

const ENDED = new Set(['closed', 'cancelled', 'merged']);

/** Triage with a priority override, cancel with a reason, close, and internal notes. */
export function IncidentActions({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  if (ENDED.has(incident.status)) return <p className="notice">{t('console.actions.ended')}</p>;
  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading">{t('console.actions.title')}</h2>
      <TriageForm incident={incident} onChanged={onChanged} />
      <NoteForm incident={incident} onChanged={onChanged} />
      <StatusForm incident={incident} onChanged={onChanged} />
    </section>
  );
}

function TriageForm({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [priority, setPriority] = useState<number | null>(incident.priority);
  const action = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = priority !== null && priority !== incident.priority ? { priority } : {};
    if (await action.run(() => triage(incident.id, body), t('console.actions.triaged'))) onChanged();
  }
  return (
    <form className="form action-form" onSubmit={(event) => void submit(event)}>
      <PriorityChoice idPrefix="triage" value={priority} onChange={setPriority} />
      <button type="submit" className="button" disabled={action.pending}>
        {incident.status === 'new' ? t('console.actions.triage') : t('console.actions.reprioritise')}
      </button>
      <ActionFeedback error={action.error} done={action.done} />
    </form>
  );
}

function NoteForm({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const action = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => addNote(incident.id, text), t('console.actions.noted'))) {
      setText('');
      onChanged();
    }
  }
  return (
    <form className="form action-form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label className="field__label" htmlFor="note-text">
          {t('console.actions.note')}
        </label>
        <p id="note-hint" className="field__hint">
          {t('console.actions.noteHint')}
        </p>
        <textarea
          id="note-text"
          className="input textarea"
          rows={2}
          maxLength={2000}
          required
          aria-describedby="note-hint"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={action.pending}>
        {t('console.actions.addNote')}
      </button>
      <ActionFeedback error={action.error} done={action.done} />
    </form>
  );
}

function StatusForm({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const action = useAction();
  async function cancel(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => changeStatus(incident.id, { status: 'cancelled', reason }), t('console.actions.cancelled')))
      onChanged();
  }
  async function close() {
    if (await action.run(() => changeStatus(incident.id, { status: 'closed' }), t('console.actions.closed'))) onChanged();
  }
  return (
    <>
      {incident.status === 'resolved' ? (
        <button type="button" className="button" disabled={action.pending} onClick={() => void close()}>
          {t('console.actions.close')}
        </button>
      ) : null}
      <form className="form action-form" onSubmit={(event) => void cancel(event)}>
        <div className="field">
          <label className="field__label" htmlFor="cancel-reason">
            {t('console.actions.cancelReason')}
          </label>
          <input
            id="cancel-reason"
            className="input"
            maxLength={500}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--warning" disabled={action.pending}>
          {t('console.actions.cancel')}
        </button>
      </form>
      <ActionFeedback error={action.error} done={action.done} />
    </>
  );
}
