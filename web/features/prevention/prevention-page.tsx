import { useTranslation } from 'react-i18next';
import { Link, usePath } from '../../src/router.js';
import { useSession } from '../auth/session.js';
import { AssessmentForm } from './assessment-form.js';
import { CaseCreateForm } from './case-create-form.js';
import { CaseList } from './case-list.js';
import { CasePage } from './case-page.js';
import { CentresPage } from './centres-page.js';
import { ConferencePage } from './conference-page.js';
import { ConferencesPage } from './conferences-page.js';
import { PartnerActions } from './partner-actions.js';
import { PersonSearchPage } from './person-search-page.js';
import { QuickExit } from '../../src/ui/quick-exit.js';
import { RemindersPage } from './reminders-page.js';
import { RegisterSection } from './register-section.js';
import './prevention.css';

type View =
  | { kind: 'cases'; scope: 'mine' | 'all' }
  | { kind: 'case'; id: string }
  | { kind: 'assess'; id: string }
  | { kind: 'new' }
  | { kind: 'conferences' }
  | { kind: 'conference'; id: string }
  | { kind: 'reminders' }
  | { kind: 'centres' }
  | { kind: 'actions' }
  | { kind: 'search' }
  | { kind: 'registers' };

/** Paths under /prevention: /all, /new, /search, /cases/:id, /cases/:id/assess, /conferences(/:id), /reminders, /centres, /actions. */
function viewOf(path: string, isPartnerOnly: boolean): View {
  const [, , first, id, action] = path.split('/');
  if (first === 'new' && !isPartnerOnly) return { kind: 'new' };
  if (first === 'conferences' && id && !isPartnerOnly) return { kind: 'conference', id };
  if (first === 'conferences' && !isPartnerOnly) return { kind: 'conferences' };
  if (first === 'cases' && id && action === 'assess') return { kind: 'assess', id };
  if (first === 'cases' && id) return { kind: 'case', id };
  if (first === 'reminders') return { kind: 'reminders' };
  if (first === 'registers') return { kind: 'registers' };
  if (first === 'search' && !isPartnerOnly) return { kind: 'search' };
  if (first === 'centres') return { kind: 'centres' };
  if (first === 'all' && !isPartnerOnly) return { kind: 'cases', scope: 'all' };
  if (first === 'actions' || isPartnerOnly) return { kind: 'actions' };
  return { kind: 'cases', scope: 'mine' };
}

/** The prevention section: domestic-violence casework for officers, oversight, and partners' actions. */
export function PreventionPage() {
  const { t } = useTranslation();
  const path = usePath();
  const { state } = useSession();
  const roles = state.status === 'signed-in' ? state.me.roles : [];
  const works = roles.some((r) => r === 'officer' || r === 'supervisor' || r === 'prosecutor');
  const opensCases = roles.some((r) => r === 'officer' || r === 'supervisor');
  // Conferences are district-wide: a beat inspector follows their case's referral on the case page.
  const chairs = opensCases && state.status === 'signed-in' && state.me.jurisdiction.level !== 'beat';
  const isPartner = roles.includes('partner');
  const view = viewOf(path, isPartner && !works);
  const links = [
    ...(works
      ? [
          { to: '/prevention', label: t('prevention.nav.cases') },
          { to: '/prevention/all', label: t('prevention.nav.all') },
          { to: '/prevention/search', label: t('prevention-programmes.search.nav') },
        ]
      : []),
    ...(chairs ? [{ to: '/prevention/conferences', label: t('prevention.nav.conferences') }] : []),
    ...(isPartner ? [{ to: '/prevention/actions', label: t('prevention.nav.actions') }] : []),
    ...(roles.some((r) => r === 'officer' || r === 'supervisor' || r === 'partner')
      ? [{ to: '/prevention/reminders', label: t('prevention.nav.reminders') }]
      : []),
    ...(roles.some((r) => r === 'officer' || r === 'supervisor' || r === 'partner')
      ? [{ to: '/prevention/registers/today', label: t('prevention-registers.nav.registers') }]
      : []),
    ...(roles.some((r) => r === 'officer' || r === 'supervisor' || r === 'partner')
      ? [{ to: '/prevention/centres', label: t('prevention.nav.centres') }]
      : []),
  ];

  return (
    <div className="prevention">
      <QuickExit label={t('prevention.quickExit.label')} hint={t('prevention.quickExit.hint')} />
      <nav className="prevention-nav" aria-label={t('prevention.nav.label')}>
        <ul className="prevention-nav__list">
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} className="prevention-nav__link" aria-current={path === link.to ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view.kind === 'case' ? (
        <CasePage key={view.id} caseId={view.id} canAssess={roles.includes('officer') || roles.includes('supervisor')} />
      ) : view.kind === 'assess' ? (
        <AssessmentForm key={view.id} caseId={view.id} />
      ) : view.kind === 'new' ? (
        <CaseCreateForm />
      ) : view.kind === 'conferences' ? (
        <ConferencesPage />
      ) : view.kind === 'conference' ? (
        <ConferencePage key={view.id} conferenceId={view.id} />
      ) : view.kind === 'reminders' ? (
        <RemindersPage />
      ) : view.kind === 'search' ? (
        <PersonSearchPage />
      ) : view.kind === 'registers' ? (
        <RegisterSection roles={roles} />
      ) : view.kind === 'centres' ? (
        <CentresPage />
      ) : view.kind === 'actions' ? (
        <PartnerActions />
      ) : (
        <CaseList key={view.scope} scope={view.scope} canOpen={opensCases} />
      )}
    </div>
  );
}
