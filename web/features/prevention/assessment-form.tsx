import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANSWER_SOURCES,
  ANSWERS,
  DV_RISK_INSTRUMENT,
  instrumentVersion,
  isLowerGrade,
  RISK_GRADES,
  scoreGrade,
  type Answer,
  type AnswerSource,
  type RiskGrade,
} from '../../../common/risk-instruments.js';
import type { Language } from '../../../common/roles.js';
import { Link } from '../../src/router.js';
import { useResource } from '../../src/use-resource.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { describedBy } from '../../src/ui/field-description.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { SelectField } from '../../src/ui/select-field.js';
import { preventionApi, type AssessmentInput, type ReferralView } from './prevention-api.js';
import { useFormSubmit } from './use-reason-form.js';
import { ClosedCaseNotice } from './closed-case-notice.js';

type Reason = AssessmentInput['reason'];
const REASONS: Reason[] = ['initial', 'new-incident', 'order-violation', 'review'];
const QUESTIONS = DV_RISK_INSTRUMENT.questions;

/**
 * The risk questionnaire for one case: every question with yes / no / don't know and where the
 * answer came from, the score and grade as they change, and the officer's judgement, which may
 * raise the grade with a written rationale but never lower it.
 */
export function AssessmentForm({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const file = useResource((signal) => preventionApi.caseFile(caseId, signal), [caseId]);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [sources, setSources] = useState<Record<string, AnswerSource>>({});
  const [judgement, setJudgement] = useState<RiskGrade | ''>('');
  const [rationale, setRationale] = useState('');
  const [reason, setReason] = useState<Reason>('initial');
  const [result, setResult] = useState<{ grade: RiskGrade; referral: ReferralView | null } | null>(null);

  const yes = QUESTIONS.filter((q) => answers[q.id] === 'yes').length;
  const score = scoreGrade(DV_RISK_INSTRUMENT, yes);
  const raised = judgement !== '' && isLowerGrade(score, judgement);
  const unanswered = QUESTIONS.filter((q) => !answers[q.id]);
  const form = useFormSubmit(
    () => {
      const found: FieldError[] = [];
      const firstMissing = unanswered[0];
      if (firstMissing) found.push({ fieldId: `q-${firstMissing.id}-yes`, message: t('prevention.form.answerAll') });
      if (raised && rationale.trim() === '')
        found.push({ fieldId: 'rationale', message: t('prevention.form.rationaleRequired') });
      return found;
    },
    async () => {
      const saved = await preventionApi.assess(caseId, {
        answers: QUESTIONS.map((q) => ({ question: q.id, answer: answers[q.id]!, source: sources[q.id] ?? 'victim' })),
        ...(raised ? { judgementGrade: judgement as RiskGrade, rationale: rationale.trim() } : {}),
        reason,
      });
      setResult({ grade: saved.finalGrade, referral: saved.referral });
    },
  );

  if (file.status === 'loading') return <LoadingMessage />;
  if (file.status === 'failed') return <LoadFailure error={file.error} onRetry={file.reload} />;
  const title = t('prevention.form.title', { number: file.data.caseNumber });

  if (result) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <div className="notice" role="status">
          <p>{t('prevention.form.saved', { grade: t(`prevention.grade.${result.grade}`) })}</p>
          {result.referral ? (
            <p>
              <strong>
                {t('prevention.form.referred', {
                  criteria: result.referral.criteria.map((c) => t(`prevention.case.criteria.${c}`)).join(', '),
                })}
              </strong>
            </p>
          ) : null}
        </div>
        <p>
          <Link to={`/prevention/cases/${caseId}`}>{t('prevention.form.backToCase')}</Link>
        </p>
      </>
    );
  }

  // Closed before the form was opened: nothing to fill in (a close made while filling it comes back as the server's 409).
  if (file.data.status === 'closed') {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <ClosedCaseNotice file={file.data} reopen="none" />
        <p>
          <Link to={`/prevention/cases/${caseId}`}>{t('prevention.form.backToCase')}</Link>
        </p>
      </>
    );
  }

  const rationaleError = form.errorOf('rationale');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('prevention.form.intro')}</p>
      <p className="hint">{t('prevention.form.instrument', { version: instrumentVersion(DV_RISK_INSTRUMENT) })}</p>
      <form className="risk-form" onSubmit={form.onSubmit} noValidate>
        <ErrorSummary message={form.failure} fieldErrors={form.errors} />
        <SelectField
          id="reason"
          label={t('prevention.form.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value as Reason)}
        >
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`prevention.form.reasons.${r}`)}
            </option>
          ))}
        </SelectField>
        <ol className="risk-questions">
          {QUESTIONS.map((q, index) => (
            <li key={q.id} className="risk-question">
              <fieldset className="risk-question__fieldset">
                <legend className="risk-question__legend">
                  <span className="risk-question__number">
                    {t('prevention.form.question', { n: index + 1, total: QUESTIONS.length })}
                  </span>
                  {q.text[language]}
                </legend>
                <div className="risk-question__answers">
                  {ANSWERS.map((answer) => (
                    <label key={answer} className="risk-answer">
                      <input
                        type="radio"
                        id={`q-${q.id}-${answer}`}
                        name={`q-${q.id}`}
                        value={answer}
                        checked={answers[q.id] === answer}
                        onChange={() => setAnswers((all) => ({ ...all, [q.id]: answer }))}
                      />
                      {t(`prevention.form.answer.${answer}`)}
                    </label>
                  ))}
                </div>
                <div className="risk-question__source">
                  <label htmlFor={`s-${q.id}`}>{t('prevention.form.source')}</label>
                  <select
                    id={`s-${q.id}`}
                    className="select"
                    value={sources[q.id] ?? 'victim'}
                    onChange={(e) => setSources((all) => ({ ...all, [q.id]: e.target.value as AnswerSource }))}
                  >
                    {ANSWER_SOURCES.map((s) => (
                      <option key={s} value={s}>
                        {t(`prevention.form.sources.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>

        <div className="risk-score" aria-live="polite" aria-atomic="true">
          <p className="risk-score__value">
            {t('prevention.form.score', { yes, total: QUESTIONS.length, grade: t(`prevention.grade.${score}`) })}
          </p>
          {unanswered.length > 0 ? <p>{t('prevention.form.unanswered', { count: unanswered.length })}</p> : null}
        </div>

        <SelectField
          id="judgement"
          label={t('prevention.form.judgement')}
          hint={t('prevention.form.judgementHint')}
          value={judgement}
          onChange={(e) => setJudgement(e.target.value as RiskGrade | '')}
        >
          <option value="">{t('prevention.form.keep')}</option>
          {RISK_GRADES.filter((g) => isLowerGrade(score, g)).map((g) => (
            <option key={g} value={g}>
              {t(`prevention.grade.${g}`)}
            </option>
          ))}
        </SelectField>
        {raised ? (
          <div className={rationaleError ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor="rationale">
              {t('prevention.form.rationale')}
            </label>
            <FieldMessages id="rationale" hint={t('prevention.form.rationaleHint')} error={rationaleError} />
            <textarea
              id="rationale"
              className="input textarea"
              rows={4}
              maxLength={4000}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
              aria-invalid={rationaleError ? true : undefined}
              aria-describedby={describedBy('rationale', t('prevention.form.rationaleHint'), rationaleError)}
            />
          </div>
        ) : null}
        <button type="submit" className="button" disabled={form.busy}>
          {t('prevention.form.submit')}
        </button>
      </form>
    </>
  );
}
