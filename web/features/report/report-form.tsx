import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { SelectField } from '../../src/ui/select-field.js';
import { useResource } from '../../src/use-resource.js';
import { ContactFields } from './contact-fields.js';
import { LocationField } from './location-field.js';
import { MediaField } from './media-field.js';
import { queueReport } from './queue-service.js';
import { randomId } from '../../src/random-id.js';
import { fetchReportCategories, type ReportCategory, type ReportReceipt } from './report-api.js';
import {
  DESCRIPTION_MAX,
  EMPTY_DRAFT,
  toReportRequest,
  validateDraft,
  type DraftField,
  type ReportDraft,
} from './report-draft.js';
import { sendReport } from './send-report.js';
import { TextAreaField } from './text-area-field.js';

export type SubmitResult = { kind: 'sent'; receipt: ReportReceipt } | { kind: 'queued'; reason: 'offline' | 'server' };

const FIELD_IDS: Record<DraftField, string> = {
  category: 'report-category',
  description: 'report-description',
  location: 'report-location',
  media: 'report-media',
  name: 'report-name',
  phone: 'report-phone',
};
const FIELD_ORDER: DraftField[] = ['category', 'description', 'location', 'media', 'name', 'phone'];

/**
 * What happened, where, any photos or recordings, and whether the police may contact the person.
 * Sent at once when the network allows; otherwise kept on the device and sent later.
 */
export function ReportForm({ onDone }: { onDone: (result: SubmitResult) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const categories = useResource(() => fetchReportCategories(language), [language]);
  const [draft, setDraft] = useState<ReportDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<Partial<Record<DraftField, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const [failedAttempts, setFailedAttempts] = useState(0);
  // Made on the first submit and kept for every resend of this report, here or from the queue.
  const idempotencyKey = useRef<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const shownCategories = useRef<ReportCategory[] | null>(null);

  useEffect(() => {
    if (failedAttempts > 0) summary.current?.focus();
  }, [failedAttempts]);

  // A field's problem goes as soon as the person changes that field; the rest wait for the next try.
  function clearProblems(fields: string[]) {
    setProblems((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !fields.includes(field))));
  }

  function update<K extends keyof ReportDraft>(field: K, value: ReportDraft[K]) {
    setDraft((previous) => ({ ...previous, [field]: value }));
    clearProblems([field]);
  }

  function fail(message: string | null, found: Partial<Record<DraftField, string>> = {}) {
    setProblems(found);
    setServerError(message);
    setSubmitting(false);
    setFailedAttempts((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    const found = validateDraft(draft);
    if (Object.keys(found).length > 0) return fail(null, found);
    setProblems({});
    setServerError(null);
    setSubmitting(true);
    const key = (idempotencyKey.current ??= randomId());
    const request = toReportRequest(draft);
    const outcome = await sendReport(request, draft.media, key);
    switch (outcome.kind) {
      case 'sent':
        return onDone({ kind: 'sent', receipt: outcome.receipt });
      case 'rejected':
        return fail(outcome.message);
      case 'retry':
        try {
          // A report that never left (no network at all) is due as soon as the network returns;
          // one that met a failing server waits out the back-off first.
          const tried = outcome.message === null ? undefined : { attempts: 1, retryAfterMs: outcome.retryAfterMs };
          await queueReport(request, draft.media, key, tried);
          return onDone({ kind: 'queued', reason: outcome.isOffline ? 'offline' : 'server' });
        } catch {
          return fail(outcome.isOffline ? t('report.errors.notSavedOffline') : (outcome.message ?? t('errors.network')));
        }
    }
  }

  // While the names load in a newly chosen language, the form stays as it is, half-filled.
  if (categories.data) shownCategories.current = categories.data;
  const choices = shownCategories.current;
  if (categories.status === 'failed' && !choices) return <LoadFailure error={categories.error} onRetry={categories.reload} />;
  if (!choices) return <LoadingMessage />;

  const fieldErrors: FieldError[] = FIELD_ORDER.flatMap((field) => {
    const key = problems[field];
    return key ? [{ fieldId: FIELD_IDS[field], message: t(key) }] : [];
  });
  const problemText = (field: DraftField) => (problems[field] ? t(problems[field]) : null);

  return (
    <form className="form report-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <div ref={summary} tabIndex={-1} className="report-form__summary">
        <ErrorSummary message={serverError} fieldErrors={fieldErrors} />
      </div>
      <SelectField
        id={FIELD_IDS.category}
        label={t('report.category')}
        value={draft.category}
        error={problemText('category')}
        onChange={(event) => update('category', event.target.value)}
      >
        <option value="">{t('report.categoryChoose')}</option>
        {choices.map((category) => (
          <option key={category.code} value={category.code}>
            {category.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={FIELD_IDS.description}
        label={t('report.description')}
        hint={t('report.descriptionHint', { max: DESCRIPTION_MAX })}
        rows={5}
        maxLength={DESCRIPTION_MAX}
        value={draft.description}
        error={problemText('description')}
        onChange={(event) => update('description', event.target.value)}
      />
      <LocationField
        id={FIELD_IDS.location}
        value={draft.location}
        error={problemText('location')}
        onChange={(location) => update('location', location)}
      />
      <MediaField
        id={FIELD_IDS.media}
        files={draft.media}
        error={problemText('media')}
        onChange={(files) => update('media', files)}
      />
      <ContactFields
        contact={draft.contact}
        name={draft.name}
        phone={draft.phone}
        nameId={FIELD_IDS.name}
        phoneId={FIELD_IDS.phone}
        nameError={problemText('name')}
        phoneError={problemText('phone')}
        onChange={(change) => {
          setDraft((previous) => ({ ...previous, ...change }));
          clearProblems(Object.keys(change));
        }}
      />
      <p className="report-form__offline-hint">{t('report.offlineHint')}</p>
      <button type="submit" className="button report-form__submit" disabled={isSubmitting}>
        {isSubmitting ? t('report.sending') : t('report.send')}
      </button>
    </form>
  );
}
