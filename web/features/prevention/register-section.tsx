import { useTranslation } from 'react-i18next';
import { Link, usePath } from '../../src/router.js';
import { RegisterEntryForm } from './register-entry-form.js';
import { RegisterEntryPage } from './register-entry-page.js';
import { RegisterList } from './register-list.js';
import { RegisterToday } from './register-today.js';
import './registers.css';

type View = { kind: 'list'; scope: 'mine' | 'all' } | { kind: 'new' } | { kind: 'today' } | { kind: 'entry'; id: string };

/** Paths under /prevention/registers: (mine), /all, /new, /today, /:id. */
function viewOf(path: string, canCreate: boolean): View {
  const [, , , part] = path.split('/');
  if (!part) return { kind: 'list', scope: 'mine' };
  if (part === 'all') return { kind: 'list', scope: 'all' };
  if (part === 'new' && canCreate) return { kind: 'new' };
  if (part === 'today') return { kind: 'today' };
  return { kind: 'entry', id: part };
}

/** The preventive registers inside the prevention section: lists, the inspector's day, entries. */
export function RegisterSection({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  const path = usePath();
  const canCreate = roles.includes('officer') || roles.includes('supervisor');
  const view = viewOf(path, canCreate);
  const links = [
    { to: '/prevention/registers/today', label: t('prevention-registers.nav.today') },
    { to: '/prevention/registers', label: t('prevention-registers.list.mine') },
    ...(canCreate ? [{ to: '/prevention/registers/all', label: t('prevention-registers.list.all') }] : []),
    ...(canCreate ? [{ to: '/prevention/registers/new', label: t('prevention-registers.list.new') }] : []),
  ];
  return (
    <div className="registers">
      <nav className="registers-nav" aria-label={t('prevention-registers.nav.registers')}>
        <ul className="registers-nav__list">
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} className="registers-nav__link" aria-current={path === link.to ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view.kind === 'new' ? (
        <RegisterEntryForm />
      ) : view.kind === 'today' ? (
        <RegisterToday />
      ) : view.kind === 'entry' ? (
        <RegisterEntryPage key={view.id} entryId={view.id} canReview={canCreate} />
      ) : (
        <RegisterList key={view.scope} scope={view.scope} />
      )}
    </div>
  );
}
