import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../src/ui/use-notice.js';
import { Link } from '../../src/router.js';
import { describedBy } from '../../src/ui/field-description.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { TextField } from '../../src/ui/text-field.js';
import { QUESTION_MAX, QUESTION_MIN } from './chief-report-format.js';
import { askQuestion, type QuestionReceipt } from './chief-reports-api.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The question form under a report: no sign-in; the answer is a tracking code and "waiting for
 * moderation". An e-mail is asked for only where the server can write to it.
 */
export function ChiefReportAskForm({ reportId, answersByEmail }: { reportId: string; answersByEmail: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useNotice();
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<QuestionReceipt | null>(null);
  const receiptRef = useRef<HTMLDivElement>(null);

  function check(): FieldError[] {
    const errors: FieldError[] = [];
    const length = text.trim().length;
    if (length < QUESTION_MIN || length > QUESTION_MAX) {
      errors.push({
        fieldId: 'chief-question',
        message: t('portal.chiefReports.textLength', { min: QUESTION_MIN, max: QUESTION_MAX }),
      });
    }
    if (email.trim() && !EMAIL.test(email.trim()))
      errors.push({ fieldId: 'chief-email', message: t('portal.chiefReports.emailInvalid') });
    return errors;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const errors = check();
    setFieldErrors(errors);
    if (errors.length > 0) return;
    setBusy(true);
    try {
      const answer = await askQuestion(reportId, {
        text: text.trim(),
        ...(name.trim() ? { displayName: name.trim() } : {}),
        ...(answersByEmail && email.trim() ? { email: email.trim() } : {}),
      });
      setReceipt(answer);
      setText('');
      // The code is what the asker must keep: move them to it.
      requestAnimationFrame(() => receiptRef.current?.focus());
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (id: string) => fieldErrors.find((e) => e.fieldId === id)?.message ?? null;
  const textHint = t('portal.chiefReports.textHint', { min: QUESTION_MIN, max: QUESTION_MAX });

  return (
    <>
      {receipt ? (
        <div className="notice" tabIndex={-1} ref={receiptRef} role="status">
          <p className="notice__title">{t('portal.chiefReports.sentTitle')}</p>
          <p>{t('portal.chiefReports.waiting')}</p>
          <p>{t('portal.chiefReports.codeIntro')}</p>
          <p className="chief-report-code">{receipt.trackingCode}</p>
          <p>
            <Link to={`/chief-reports/questions/${receipt.trackingCode}`}>{t('portal.chiefReports.follow')}</Link>
          </p>
        </div>
      ) : null}
      <p>{t('portal.chiefReports.askLead')}</p>
      <ErrorSummary message={problem} fieldErrors={fieldErrors} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <div className={errorOf('chief-question') ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="chief-question">
            {t('portal.chiefReports.question')}
          </label>
          <FieldMessages id="chief-question" hint={textHint} error={errorOf('chief-question')} />
          <textarea
            id="chief-question"
            className="input chief-report-textarea"
            rows={5}
            maxLength={QUESTION_MAX}
            aria-invalid={errorOf('chief-question') ? true : undefined}
            aria-describedby={describedBy('chief-question', textHint, errorOf('chief-question'))}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <TextField
          id="chief-name"
          label={t('portal.chiefReports.name')}
          hint={t('portal.chiefReports.nameHint')}
          autoComplete="given-name"
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {answersByEmail ? (
          <TextField
            id="chief-email"
            type="email"
            label={t('portal.chiefReports.email')}
            hint={t('portal.chiefReports.emailHint')}
            autoComplete="email"
            maxLength={200}
            error={errorOf('chief-email')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {t('portal.chiefReports.send')}
        </button>
      </form>
    </>
  );
}
