import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../src/ui/use-notice.js';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { TextField } from '../../src/ui/text-field.js';
import { useResource } from '../../src/use-resource.js';
import { answerQuestion, approveQuestion, listQuestions, rejectQuestion, type StaffQuestion } from './chief-reports-api.js';

/** The questions under a report, pending first, with the screen's warnings; approve, reject or answer each. */
export function ChiefReportModeration({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const questions = useResource((signal) => listQuestions(reportId, signal), [reportId, language]);
  const [status, setStatus] = useState<string | null>(null);
  const order = { pending: 0, approved: 1, rejected: 2 } as const;
  return (
    <section aria-labelledby="moderation-title">
      <h2 id="moderation-title" className="portal-section-title">
        {t('portal.chiefReports.admin.questionsTitle')}
      </h2>
      <StatusMessage message={status} />
      {questions.status === 'loading' ? <LoadingMessage /> : null}
      {questions.status === 'failed' ? <LoadFailure error={questions.error} onRetry={questions.reload} /> : null}
      {questions.status === 'ready' && questions.data.length === 0 ? <p>{t('portal.chiefReports.admin.noQuestions')}</p> : null}
      {questions.status === 'ready' ? (
        <ul className="chief-report-questions">
          {[...questions.data]
            .sort((a, b) => order[a.state] - order[b.state])
            .map((q) => (
              <QuestionItem
                key={q.id}
                question={q}
                onDone={(message) => {
                  setStatus(message);
                  questions.reload();
                }}
              />
            ))}
        </ul>
      ) : null}
    </section>
  );
}

function QuestionItem({ question, onDone }: { question: StaffQuestion; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [answer, setAnswer] = useState(question.answer ?? '');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useNotice();
  const [busy, setBusy] = useState(false);
  const prefix = `q-${question.id}`;

  async function act(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      onDone(message);
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="chief-report-question">
      <p className="chief-report-meta">
        {t('portal.chiefReports.askedBy', {
          name: question.displayName ?? t('portal.chiefReports.resident'),
          date: formatDateTime(question.askedAt, language),
        })}{' '}
        · <strong>{t(`portal.chiefReports.admin.questionStates.${question.state}`)}</strong>
      </p>
      {question.flags.length > 0 ? (
        <ul className="chief-report-flags" aria-label={t('portal.chiefReports.admin.flagsLabel')}>
          {question.flags.map((flag) => (
            <li key={flag} className="chief-report-flag">
              {t(`portal.chiefReports.admin.flags.${flag}`, { defaultValue: flag })}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="chief-report-question__text" lang={question.language}>
        {question.text}
      </p>
      <ErrorSummary message={problem} />
      {question.state !== 'rejected' ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => answerQuestion(question.id, answer.trim()), t('portal.chiefReports.admin.answered'));
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={`${prefix}-answer`}>
              {t('portal.chiefReports.answer')}
            </label>
            <textarea
              id={`${prefix}-answer`}
              className="input chief-report-textarea"
              rows={4}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
            />
          </div>
          <div className="button-group">
            <button type="submit" className="button" disabled={busy || !answer.trim()}>
              {t('portal.chiefReports.admin.publishAnswer')}
            </button>
            {question.state === 'pending' ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void act(() => approveQuestion(question.id), t('portal.chiefReports.admin.approved'))}
              >
                {t('portal.chiefReports.admin.approve')}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="field__hint">{question.rejectReason ?? ''}</p>
      )}
      {question.state !== 'rejected' ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => rejectQuestion(question.id, reason.trim()), t('portal.chiefReports.admin.rejected'));
          }}
        >
          <TextField
            id={`${prefix}-reason`}
            label={t('portal.chiefReports.admin.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('portal.chiefReports.admin.reject')}
          </button>
        </form>
      ) : null}
    </li>
  );
}
