import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src/api.js';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { restorePlace, retirePlace, type StaffPlace } from './place-safety-api.js';
import { FormActions, useSending } from './place-safety-form.js';
import { TextAreaField } from '../report/text-area-field.js';

const MIN_REASON = 10;
const MAX_REASON = 2000;

/** Asks why a place leaves the public pages; its history and reviews stay, and it can be restored. */
export function RetirePlaceForm({
  place,
  onDone,
  onCancel,
}: {
  place: StaffPlace;
  onDone: (place: StaffPlace) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const { busy, problem, setProblem, send } = useSending();
  const fieldId = `retire-reason-${place.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const length = reason.trim().length;
    const errors =
      length < MIN_REASON || length > MAX_REASON
        ? [{ fieldId, message: t('place-safety.admin.reasonLength', { min: MIN_REASON, max: MAX_REASON }) }]
        : [];
    setFieldErrors(errors);
    if (errors.length === 0) await send(() => retirePlace(place.id, reason.trim()), onDone);
  }

  const headingId = `retire-heading-${place.id}`;
  return (
    <form className="form place-retire" aria-labelledby={headingId} noValidate onSubmit={(e) => void submit(e)}>
      <h4 id={headingId}>{t('place-safety.admin.retireHeading', { name: place.names[language] })}</h4>
      <p>{t('place-safety.admin.retireExplained')}</p>
      <ErrorSummary message={problem} fieldErrors={fieldErrors} />
      <TextAreaField
        id={fieldId}
        label={t('place-safety.admin.retireReason')}
        hint={t('place-safety.admin.retireReasonHint', { min: MIN_REASON, max: MAX_REASON })}
        error={fieldErrors[0]?.message ?? null}
        rows={3}
        maxLength={MAX_REASON}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormActions submitLabel={t('place-safety.admin.retireConfirm')} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** When a retired place was retired, and why (staff of the area only). */
export function RetiredNotice({ retired }: { retired: NonNullable<StaffPlace['retired']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <p className="notice notice--warning">
      {t('place-safety.admin.retiredOn', { date: formatDateTime(retired.at, language) })} {retired.reason}
    </p>
  );
}

/** Puts a retired place back on the public pages. */
export function RestorePlaceButton({
  place,
  primary = false,
  onDone,
  onProblem,
}: {
  place: StaffPlace;
  /** The one thing to do here (the editor of a retired place), rather than one action among others. */
  primary?: boolean;
  onDone: (place: StaffPlace) => void;
  onProblem: (message: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={primary ? 'button' : 'button button--secondary'}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        restorePlace(place.id)
          .then(onDone, (error: unknown) => onProblem(errorMessage(error)))
          .finally(() => setBusy(false));
      }}
    >
      {t('place-safety.admin.restore')}
      <span className="visually-hidden">: {place.names[language]}</span>
    </button>
  );
}
