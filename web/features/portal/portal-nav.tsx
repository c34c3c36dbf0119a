import { useTranslation } from 'react-i18next';
import { Link, usePath } from '../../src/router.js';
import './portal.css';

const LINKS = [
  { to: '/area', key: 'portal.nav.area', match: (p: string) => p === '/area' || p.startsWith('/neighbourhoods/') },
  { to: '/crime-map', key: 'portal.nav.map', match: (p: string) => p === '/crime-map' },
  { to: '/guides', key: 'portal.nav.guides', match: (p: string) => p.startsWith('/guides') },
  { to: '/chief-reports', key: 'portal.chiefReports.nav', match: (p: string) => p.startsWith('/chief-reports') },
  { to: '/safe-places', key: 'place-safety.nav', match: (p: string) => p.startsWith('/safe-places') },
  { to: '/national-report', key: 'national-report.nav', match: (p: string) => p === '/national-report' },
];

/** The portal's three ways in, above each of its pages. */
export function PortalNav() {
  const { t } = useTranslation();
  const path = usePath();
  return (
    <nav className="portal-nav" aria-label={t('portal.nav.label')}>
      {LINKS.map((link) => (
        <Link key={link.to} className="portal-nav__link" to={link.to} aria-current={link.match(path) ? 'page' : undefined}>
          {t(link.key)}
        </Link>
      ))}
    </nav>
  );
}
