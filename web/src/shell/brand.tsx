import { useTranslation } from 'react-i18next';
import { Link } from '../router.js';

/** The Aman name and the concept's motto; links home. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Link className="brand" to="/">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <path d="M16 3 5 7.5v8C5 22.2 9.8 27 16 29c6.2-2 11-6.8 11-13.5v-8z" fill="#fec50c" />
        <path d="M16 8.5 9.5 11.2v4.6c0 4 2.8 6.9 6.5 8.2 3.7-1.3 6.5-4.2 6.5-8.2v-4.6z" fill="#0b2e4f" />
      </svg>
      <span className="brand__text">
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </span>
    </Link>
  );
}
