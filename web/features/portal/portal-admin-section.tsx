import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, usePath } from '../../src/router.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useMe } from '../auth/session.js';
import './portal.css';

const GuideEditorPage = lazy(async () => ({ default: (await import('./guide-editor-page.js')).GuideEditorPage }));
const ChiefReportsAdminPage = lazy(async () => ({
  default: (await import('./chief-reports-admin-page.js')).ChiefReportsAdminPage,
}));
const NeighbourhoodTeamEditorPage = lazy(async () => ({
  default: (await import('./neighbourhood-team-editor-page.js')).NeighbourhoodTeamEditorPage,
}));
const PlaceSafetyAdminPage = lazy(async () => ({
  default: (await import('./place-safety-admin-page.js')).PlaceSafetyAdminPage,
}));

const REPORTS = '/portal-admin/chief-reports';
const TEAMS = '/portal-admin/neighbourhood-teams';
const PLACES = '/portal-admin/places';

/**
 * The portal-admin section: the national guides, and the chiefs' reports of the staff member's
 * own area. Guides are edited country-wide only, so a regional or district head starts at the reports.
 * A beat's inspector (an officer) keeps only their neighbourhood's page.
 */
export function PortalAdminSection() {
  const { t } = useTranslation();
  const path = usePath();
  const me = useMe();
  if (!me.roles.some((role) => role === 'supervisor' || role === 'admin')) {
    return (
      <Suspense fallback={<LoadingMessage />}>
        <NeighbourhoodTeamEditorPage />
      </Suspense>
    );
  }
  const national = me.jurisdiction.level === 'country';
  const onReports = path.startsWith(REPORTS) || (!national && path === '/portal-admin');
  const onTeams = path.startsWith(TEAMS);
  const onPlaces = path.startsWith(PLACES);
  return (
    <>
      <nav className="portal-nav" aria-label={t('portal.chiefReports.admin.sectionLabel')}>
        {national ? (
          <Link
            className="portal-nav__link"
            to="/portal-admin"
            aria-current={onReports || onTeams || onPlaces ? undefined : 'page'}
          >
            {t('portal.editor.title')}
          </Link>
        ) : null}
        <Link className="portal-nav__link" to={REPORTS} aria-current={onReports ? 'page' : undefined}>
          {t('portal.chiefReports.admin.title')}
        </Link>
        <Link className="portal-nav__link" to={TEAMS} aria-current={onTeams ? 'page' : undefined}>
          {t('portal.team.editor.nav')}
        </Link>
        <Link className="portal-nav__link" to={PLACES} aria-current={onPlaces ? 'page' : undefined}>
          {t('place-safety.admin.nav')}
        </Link>
      </nav>
      <Suspense fallback={<LoadingMessage />}>
        {onPlaces ? (
          <PlaceSafetyAdminPage key="places" />
        ) : onTeams ? (
          <NeighbourhoodTeamEditorPage key="teams" />
        ) : onReports ? (
          <ChiefReportsAdminPage key="reports" />
        ) : (
          <GuideEditorPage key="guides" />
        )}
      </Suspense>
    </>
  );
}
