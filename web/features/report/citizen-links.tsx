import { useTranslation } from 'react-i18next';
import { Link, usePath } from '../../src/router.js';
import './report.css';

/** The citizen's two ways in, in the public header: report something, or follow a report. */
export function CitizenLinks() {
  const { t } = useTranslation();
  const path = usePath();
  return (
    <nav className="citizen-links" aria-label={t('report.nav.label')}>
      <Link className="citizen-links__link" to="/report" aria-current={path === '/report' ? 'page' : undefined}>
        {t('report.nav.report')}
      </Link>
      <Link className="citizen-links__link" to="/track" aria-current={path.startsWith('/track') ? 'page' : undefined}>
        {t('report.nav.track')}
      </Link>
    </nav>
  );
}
