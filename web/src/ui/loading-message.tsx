import { useTranslation } from 'react-i18next';

/** What to show while data is on its way; announced politely. */
export function LoadingMessage({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
