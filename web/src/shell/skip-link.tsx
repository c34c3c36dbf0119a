import { useTranslation } from 'react-i18next';

/** The first thing a keyboard user reaches: a jump past the header to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('shell.skipToContent')}
    </a>
  );
}
