import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../src/router.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { describedBy } from '../../src/ui/field-description.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { TextField } from '../../src/ui/text-field.js';
import { preventionApi, type OrderView, type ViolationResult } from './prevention-api.js';
import { useFormSubmit } from './use-reason-form.js';

const DESCRIPTION_MAX = 2000;

/** A moment as a `datetime-local` input shows it: the browser's own time, to the minute. */
function localInputValue(at: Date): string {
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Recording a breach of an order in force: when, what happened (sealed by the server) and the
 * legal basis. The answer says what the breach set off — the case marked for reassessment, a
 * referral to the risk conference — so the officer knows what to do next.
 */
export function OrderBreachForm({
  caseId,
  order,
  onRecorded,
}: {
  caseId: string;
  order: OrderView;
  /** After the breach is kept: the page reloads the case file. */
  onRecorded: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const prefix = `breach-${order.id}`;
  const [when, setWhen] = useState(() => localInputValue(new Date()));
  const [description, setDescription] = useState('');
  const [legalBasis, setLegalBasis] = useState(() => t('prevention.breach.basisDefault'));
  const [result, setResult] = useState<ViolationResult | null>(null);

  const form = useFormSubmit(
    () => {
      const at = new Date(when);
      const inTerm = !Number.isNaN(at.getTime()) && at >= new Date(order.issuedAt) && at <= new Date();
      return [
        ...(inTerm ? [] : [{ fieldId: `${prefix}-when`, message: t('prevention.breach.whenInvalid') }]),
        ...(description.trim() ? [] : [{ fieldId: `${prefix}-what`, message: t('prevention.breach.whatRequired') }]),
        ...(legalBasis.trim().length >= 3 ? [] : [{ fieldId: `${prefix}-basis`, message: t('prevention.breach.basisRequired') }]),
      ];
    },
    async () => {
      setResult(null);
      const recorded = await preventionApi.recordViolation(order.id, {
        occurredAt: new Date(when).toISOString(),
        legalBasis: legalBasis.trim(),
        description: description.trim(),
      });
      setDescription('');
      setWhen(localInputValue(new Date()));
      setResult(recorded);
      // The breach is kept whatever the reload does: a failed reload must not read as a failed
      // record, or the officer records it twice. The page shows it on its next load.
      await onRecorded().catch(() => undefined);
    },
  );
  const whatError = form.errorOf(`${prefix}-what`);
  const whatHint = t('prevention.breach.whatHint');

  return (
    <details className="breach-form">
      <summary>{t('prevention.breach.open')}</summary>
      <form className="case-form" onSubmit={form.onSubmit} noValidate>
        <ErrorSummary message={form.failure} fieldErrors={form.errors} />
        <TextField
          id={`${prefix}-when`}
          type="datetime-local"
          label={t('prevention.breach.when')}
          value={when}
          max={localInputValue(new Date())}
          error={form.errorOf(`${prefix}-when`)}
          onChange={(e) => setWhen(e.target.value)}
        />
        <div className={whatError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor={`${prefix}-what`}>
            {t('prevention.breach.what')}
          </label>
          <FieldMessages id={`${prefix}-what`} hint={whatHint} error={whatError} />
          <textarea
            id={`${prefix}-what`}
            className="input textarea"
            rows={4}
            maxLength={DESCRIPTION_MAX}
            value={description}
            aria-invalid={whatError ? true : undefined}
            aria-describedby={describedBy(`${prefix}-what`, whatHint, whatError)}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <TextField
          id={`${prefix}-basis`}
          label={t('prevention.breach.basis')}
          hint={t('prevention.breach.basisHint')}
          value={legalBasis}
          maxLength={500}
          error={form.errorOf(`${prefix}-basis`)}
          onChange={(e) => setLegalBasis(e.target.value)}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {t('prevention.breach.submit')}
        </button>
      </form>
      <div role="status" aria-live="polite" aria-atomic="true" className="status-region">
        {result ? <BreachOutcome caseId={caseId} result={result} /> : null}
      </div>
    </details>
  );
}

/** What the server did with the breach, worded at each render so it follows a language switch. */
function BreachOutcome({ caseId, result }: { caseId: string; result: ViolationResult }) {
  const { t } = useTranslation();
  const criteria = result.referral?.criteria.map((c) => t(`prevention.case.criteria.${c}`)).join(', ');
  return (
    <div className="notice breach-outcome">
      <p>
        <strong>{t('prevention.breach.recorded')}</strong>
      </p>
      {result.caseClosed ? (
        <p>{t('prevention.breach.caseClosed')}</p>
      ) : result.needsReassessment ? (
        <p>
          {t('prevention.breach.reassess')} <Link to={`/prevention/cases/${caseId}/assess`}>{t('prevention.case.assess')}</Link>
        </p>
      ) : null}
      <p>
        {result.referral
          ? t(result.referral.isRepeat ? 'prevention.breach.referredAgain' : 'prevention.breach.referred', { criteria })
          : t('prevention.breach.notReferred')}
      </p>
    </div>
  );
}
