import type { ReactNode } from 'react';
import { CitizenLinks } from '../../features/report/citizen-links.js';
import { Brand } from './brand.js';
import { LanguageSwitcher } from './language-switcher.js';
import { SiteFooter } from './site-footer.js';
import { SkipLink } from './skip-link.js';

/** The frame of pages seen before signing in: name, language switcher, content, footer. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <div className="width-container site-header__bar">
          <Brand />
          <div className="site-header__tools">
            <CitizenLinks />
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" className="main width-container" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
