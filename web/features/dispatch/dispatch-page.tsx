import { useTranslation } from 'react-i18next';
import { Link, usePath } from '../../src/router.js';
import { DispatchBoard } from './dispatch-board.js';
import { ResponseTimesPage } from './response-times-page.js';
import './dispatch.css';
import './unit-status.css';

export const BOARD_PATH = '/dispatch';
export const RESPONSE_TIMES_PATH = '/dispatch/response-times';

/** The dispatch section: the live board of units, and the commander's response-time dashboard. */
export function DispatchPage() {
  const { t } = useTranslation();
  const path = usePath();
  const onDashboard = path.startsWith(RESPONSE_TIMES_PATH);
  const pages = [
    { to: BOARD_PATH, label: t('dispatch.nav.board'), current: !onDashboard },
    { to: RESPONSE_TIMES_PATH, label: t('dispatch.nav.responseTimes'), current: onDashboard },
  ];
  return (
    <>
      <nav className="dispatch-nav" aria-label={t('dispatch.nav.label')}>
        <ul className="dispatch-nav__list">
          {pages.map((page) => (
            <li key={page.to}>
              <Link to={page.to} className="dispatch-nav__link" aria-current={page.current ? 'page' : undefined}>
                {page.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {onDashboard ? <ResponseTimesPage /> : <DispatchBoard />}
    </>
  );
}
