import { useTranslation } from 'react-i18next';

export interface FieldError {
  fieldId: string;
  message: string;
}

interface ErrorSummaryProps {
  /** A message from the server (already translated), or a local one. */
  message?: string | null;
  fieldErrors?: FieldError[];
}

/**
 * The form's problems, in an assertive live region that is always in the page so screen readers
 * announce what appears in it. Each field error links to its field.
 */
export function ErrorSummary({ message, fieldErrors = [] }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const hasErrors = Boolean(message) || fieldErrors.length > 0;
  return (
    <div aria-live="assertive" aria-atomic="true" className="error-summary-region">
      {hasErrors ? (
        <div className="error-summary">
          <h2 className="error-summary__title">{t('common.problemTitle')}</h2>
          {message ? <p className="error-summary__message">{message}</p> : null}
          {fieldErrors.length > 0 ? (
            <ul className="error-summary__list">
              {fieldErrors.map((error) => (
                <li key={error.fieldId}>
                  <a href={`#${error.fieldId}`}>{error.message}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
