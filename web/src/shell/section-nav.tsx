import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router.js';
import { sectionPath, type Section } from './sections.js';

/**
 * The sections this person may open, and nothing else. On narrow screens the list folds behind
 * a Menu button.
 */
export function SectionNav({ sections, current }: { sections: Section[]; current: Section | null }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);

  return (
    <nav className={isOpen ? 'section-nav section-nav--open' : 'section-nav'} aria-label={t('shell.navLabel')}>
      <div className="width-container">
        <button
          type="button"
          className="section-nav__toggle"
          aria-expanded={isOpen}
          aria-controls="section-nav-list"
          onClick={() => setOpen((open) => !open)}
        >
          <span className="section-nav__toggle-icon" aria-hidden="true" />
          {t('shell.menu')}
        </button>
        <ul id="section-nav-list" className="section-nav__list">
          {sections.map((section) => (
            <li key={section} className="section-nav__item">
              <Link
                to={sectionPath(section)}
                className="section-nav__link"
                aria-current={section === current ? 'page' : undefined}
                onClick={() => setOpen(false)}
              >
                {t(`sections.${section}`)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
