import { useTranslation } from 'react-i18next';

/** A field's hint and its error message, tied to the control by id. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}
