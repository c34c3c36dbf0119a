import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { formatDateTime } from '../../src/intl-format.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { TextField } from '../../src/ui/text-field.js';
import { preventionApi, type Conference, type ConferenceDecision } from './prevention-api.js';
import { useReasonForm } from './use-reason-form.js';

const MIN_REASON = 10;

/** What the decision said before each amendment, and why it changed, oldest first. */
export function DecisionHistory({ decision }: { decision: ConferenceDecision }) {
  const { t, i18n } = useTranslation();
  if (decision.history.length === 0) return null;
  const when = (iso: string) => formatDateTime(iso, i18n.language as Language);
  return (
    <details className="conference-history">
      <summary>{t('prevention.conference.history', { count: decision.history.length })}</summary>
      <ol>
        {decision.history.map((h) => (
          <li key={h.amendedAt}>
            <p>
              <s>{h.previousDecision}</s>
            </p>
            <p className="hint">{t('prevention.conference.amendedBecause', { when: when(h.amendedAt), reason: h.reason })}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Amending a recorded decision: the new text and why; the old text stays in the history. */
export function DecisionAmendment({
  conference,
  decision,
  caseNumber,
  onAmended,
}: {
  conference: Conference;
  decision: ConferenceDecision;
  caseNumber: string;
  onAmended: (next: Conference) => void;
}) {
  const { t } = useTranslation();
  const prefix = `amend-${decision.id}`;
  const [text, setText] = useState(decision.decision);
  const form = useReasonForm({
    fieldId: `${prefix}-reason`,
    minLength: MIN_REASON,
    tooShortKey: 'prevention.conference.reasonShort',
    check: () => (text.trim() ? [] : [{ fieldId: `${prefix}-text`, message: t('prevention.conference.decisionRequired') }]),
    send: async (reason) => onAmended(await preventionApi.amendDecision(conference.id, decision.id, text.trim(), reason)),
  });

  return (
    <details className="conference-history">
      <summary>{t('prevention.conference.amend')}</summary>
      <form className="case-form" onSubmit={form.onSubmit} noValidate>
        <ErrorSummary message={form.failure} fieldErrors={form.errors} />
        <TextField
          id={`${prefix}-text`}
          label={t('prevention.conference.amendedDecision', { number: caseNumber })}
          value={text}
          error={form.errorOf(`${prefix}-text`)}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
        />
        <TextField
          id={`${prefix}-reason`}
          label={t('prevention.conference.reason')}
          hint={t('prevention.conference.reasonHint')}
          value={form.reason}
          error={form.reasonError}
          maxLength={1000}
          onChange={(e) => form.setReason(e.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={form.busy}>
          {t('prevention.conference.saveAmendment')}
        </button>
      </form>
    </details>
  );
}

/** Earlier attendance lists replaced by corrections, with the reasons. */
export function AttendanceHistory({ conference }: { conference: Conference }) {
  const { t, i18n } = useTranslation();
  if (conference.attendanceCorrections.length === 0) return null;
  const when = (iso: string) => formatDateTime(iso, i18n.language as Language);
  const names = (list: string[]) => list.map((a) => t(`prevention.agency.${a}`)).join(', ') || '—';
  return (
    <details className="conference-history">
      <summary>{t('prevention.conference.corrections', { count: conference.attendanceCorrections.length })}</summary>
      <ol>
        {conference.attendanceCorrections.map((c) => (
          <li key={c.correctedAt}>
            <p>
              <s>{names(c.previous)}</s> → {names(c.attended)}
            </p>
            <p className="hint">{t('prevention.conference.amendedBecause', { when: when(c.correctedAt), reason: c.reason })}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
