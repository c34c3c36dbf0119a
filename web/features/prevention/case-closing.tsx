import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/roles.js';
import { ApiError } from '../../src/api.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Checkbox } from '../../src/ui/checkbox.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { describedBy } from '../../src/ui/field-description.js';
import { FieldMessages } from '../../src/ui/field-message.js';
import { SelectField } from '../../src/ui/select-field.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { TextField } from '../../src/ui/text-field.js';
import { CLOSE_OUTCOMES, preventionApi, type CaseFile, type CloseOutcome } from './prevention-api.js';
import { useReasonForm } from './use-reason-form.js';
import './case-closing.css';

const MIN_REASON = 10;

/**
 * The case's state for its team: a button and dialog to close an open case (outcome and reason),
 * and for a closed one its outcome, reason and, while retention keeps it, a reopen with a reason.
 */
export function CaseClosing({
  file,
  canClose,
  onChanged,
}: {
  file: CaseFile;
  canClose: boolean;
  onChanged: (file: CaseFile) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // The key of the last confirmation, translated when shown so a language switch re-translates it.
  const [news, setNews] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const may = canClose && file.access !== 'break-glass';
  const changed = (next: CaseFile, message: string) => {
    setNews(message);
    onChanged(next);
  };
  // The button that opened the dialog is gone after a close or reopen: focus goes to the section.
  useEffect(() => {
    if (news) heading.current?.focus();
  }, [news]);
  const closing = file.closing;
  const reopenable = closing?.reopenableUntil && new Date(closing.reopenableUntil) > new Date() ? closing.reopenableUntil : null;

  return (
    <section aria-labelledby="case-closing" className="case-closing">
      <h2 id="case-closing" ref={heading} tabIndex={-1}>
        {t('prevention.closing.heading')}
      </h2>
      <StatusMessage message={news ? t(news) : null} />
      {closing === null ? (
        <>
          <p>{t('prevention.closing.isOpen')}</p>
          {may ? <CloseDialog file={file} onClosed={(next) => changed(next, 'prevention.closing.closedNews')} /> : null}
        </>
      ) : (
        <>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t('prevention.closing.closedAt')}</dt>
              <dd>{formatDateTime(closing.closedAt, language)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('prevention.closing.outcome')}</dt>
              <dd>
                {closing.outcome ? t(`prevention.closing.outcomes.${closing.outcome}`) : '—'}
                {closing.outcomeNote ? `: ${closing.outcomeNote}` : ''}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('prevention.closing.reason')}</dt>
              <dd>{closing.reason || '—'}</dd>
            </div>
          </dl>
          {reopenable ? (
            <p>{t('prevention.closing.reopenableUntil', { date: formatDateTime(reopenable, language) })}</p>
          ) : (
            <p>{t('prevention.closing.notReopenable')}</p>
          )}
          {may && reopenable ? (
            <ReopenDialog file={file} onReopened={(next) => changed(next, 'prevention.closing.reopenedNews')} />
          ) : null}
        </>
      )}
    </section>
  );
}

/** A modal dialog opened by its button; the browser's <dialog> keeps focus inside and closes on Escape. */
function Dialog({
  id,
  opener,
  title,
  children,
}: {
  id: string;
  opener: string;
  title: string;
  children: (close: () => void) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => ref.current?.close();
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setOpen(true);
          ref.current?.showModal();
        }}
      >
        {opener}
      </button>
      <dialog ref={ref} className="case-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        <h2 id={`${id}-title`}>{title}</h2>
        {open ? children(close) : null}
      </dialog>
    </>
  );
}

function ReasonField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const hint = t('prevention.closing.reasonHint');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {t('prevention.closing.reason')}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        className="input textarea"
        rows={3}
        maxLength={2000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

function FormButtons({ submit, busy, onCancel }: { submit: string; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="case-closing__buttons">
      <button type="submit" className="button" disabled={busy}>
        {submit}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('prevention.closing.cancel')}
      </button>
    </div>
  );
}

function CloseDialog({ file, onClosed }: { file: CaseFile; onClosed: (file: CaseFile) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      id="case-close"
      opener={t('prevention.closing.close')}
      title={t('prevention.closing.closeTitle', { number: file.caseNumber })}
    >
      {(close) => <CloseForm file={file} onCancel={close} onClosed={(next) => (close(), onClosed(next))} />}
    </Dialog>
  );
}

function CloseForm({ file, onCancel, onClosed }: { file: CaseFile; onCancel: () => void; onClosed: (file: CaseFile) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<CloseOutcome | ''>('');
  const [note, setNote] = useState('');
  // Shown only once the server said something still protects the victim: closing then needs a second, deliberate yes.
  const [openItems, setOpenItems] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const form = useReasonForm({
    fieldId: 'case-close-reason',
    minLength: MIN_REASON,
    tooShortKey: 'prevention.closing.reasonShort',
    check: () => [
      ...(outcome === '' ? [{ fieldId: 'case-close-outcome', message: t('prevention.closing.outcomeMissing') }] : []),
      ...(outcome === 'other' && note.trim() === ''
        ? [{ fieldId: 'case-close-note', message: t('prevention.closing.noteMissing') }]
        : []),
    ],
    send: async (reason) => {
      if (outcome === '') return;
      try {
        onClosed(
          await preventionApi.closeCase(file.id, {
            outcome,
            ...(outcome === 'other' && { outcomeNote: note.trim() }),
            reason,
            confirmOpenItems: confirm,
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.code === 'prevention.case_has_open_items') setOpenItems(true);
        throw error;
      }
    },
  });

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <ErrorSummary message={form.failure} fieldErrors={form.errors} />
      <SelectField
        id="case-close-outcome"
        label={t('prevention.closing.outcome')}
        value={outcome}
        error={form.errorOf('case-close-outcome')}
        onChange={(e) => setOutcome(e.target.value as CloseOutcome | '')}
      >
        <option value="">{t('prevention.closing.choose')}</option>
        {CLOSE_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`prevention.closing.outcomes.${o}`)}
          </option>
        ))}
      </SelectField>
      {outcome === 'other' ? (
        <TextField
          id="case-close-note"
          label={t('prevention.closing.note')}
          value={note}
          maxLength={500}
          error={form.errorOf('case-close-note')}
          onChange={(e) => setNote(e.target.value)}
        />
      ) : null}
      <ReasonField id="case-close-reason" value={form.reason} error={form.reasonError} onChange={form.setReason} />
      {openItems ? (
        <Checkbox
          id="case-close-confirm"
          label={t('prevention.closing.confirm')}
          checked={confirm}
          onChange={(e) => setConfirm(e.target.checked)}
        />
      ) : null}
      <FormButtons submit={t('prevention.closing.submitClose')} busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

function ReopenDialog({ file, onReopened }: { file: CaseFile; onReopened: (file: CaseFile) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      id="case-reopen"
      opener={t('prevention.closing.reopen')}
      title={t('prevention.closing.reopenTitle', { number: file.caseNumber })}
    >
      {(close) => <ReopenForm file={file} onCancel={close} onReopened={(next) => (close(), onReopened(next))} />}
    </Dialog>
  );
}

function ReopenForm({
  file,
  onCancel,
  onReopened,
}: {
  file: CaseFile;
  onCancel: () => void;
  onReopened: (file: CaseFile) => void;
}) {
  const { t } = useTranslation();
  const form = useReasonForm({
    fieldId: 'case-reopen-reason',
    minLength: MIN_REASON,
    tooShortKey: 'prevention.closing.reasonShort',
    send: async (reason) => onReopened(await preventionApi.reopenCase(file.id, reason)),
  });

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <ErrorSummary message={form.failure} fieldErrors={form.errors} />
      <ReasonField id="case-reopen-reason" value={form.reason} error={form.reasonError} onChange={form.setReason} />
      <FormButtons submit={t('prevention.closing.submitReopen')} busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
