import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src/api.js';

/**
 * How the place forms (the editor, retiring) send: one request at a time, its answer handed on,
 * a refusal kept as `problem` (already in the caller's language) for the form's error summary.
 */
export function useSending() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function send<T>(request: () => Promise<T>, onDone: (answer: T) => void, onRefused?: (error: unknown) => void) {
    setBusy(true);
    try {
      onDone(await request());
    } catch (error) {
      setProblem(errorMessage(error));
      onRefused?.(error);
    } finally {
      setBusy(false);
    }
  }

  return { busy, problem, setProblem, send };
}

/** A place form's send button (off while its request is under way) and its cancel button. */
export function FormActions({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="place-editor__actions">
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('place-safety.admin.cancel')}
      </button>
    </div>
  );
}
