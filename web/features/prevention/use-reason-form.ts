import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src/api.js';
import type { FieldError } from '../../src/ui/error-summary.js';

/**
 * A form's submit: its own checks first (their errors shown, nothing sent), then the request
 * while busy, and a refusal from the server — a closed case's 409 among them — as its message.
 */
export function useFormSubmit(check: () => FieldError[], send: () => Promise<void>) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = check();
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await send();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return {
    errors,
    errorOf: (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message ?? null,
    failure,
    busy,
    onSubmit: (event: FormEvent) => void submit(event),
  };
}

/**
 * A form around a written reason: too short (trimmed) and it says `tooShortKey` at the field;
 * otherwise `send` gets the trimmed reason, and the field empties once it succeeds. `asked`
 * false skips the reason (a form that needs one only sometimes); `check` adds other fields' errors.
 */
export function useReasonForm(options: {
  fieldId: string;
  minLength: number;
  tooShortKey: string;
  asked?: boolean;
  check?: () => FieldError[];
  send: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const asked = options.asked ?? true;
  const form = useFormSubmit(
    () => [
      ...(options.check?.() ?? []),
      ...(asked && reason.trim().length < options.minLength
        ? [{ fieldId: options.fieldId, message: t(options.tooShortKey) }]
        : []),
    ],
    async () => {
      await options.send(asked ? reason.trim() : '');
      setReason('');
    },
  );
  return { ...form, reason, setReason, reasonError: form.errorOf(options.fieldId) };
}
