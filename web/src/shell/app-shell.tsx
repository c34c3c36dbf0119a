import { lazy, Suspense, useEffect } from 'react';
import type { Me } from '../../features/auth/auth-api.js';
import { navigate, usePath } from '../router.js';
import { NoSectionsPage } from './no-sections-page.js';
import { NotFoundPage } from './not-found-page.js';
import { SectionNav } from './section-nav.js';
import { SectionPage } from './section-page.js';
import { knownSections, sectionOfPath, sectionPath } from './sections.js';
import { SiteFooter } from './site-footer.js';
import { SiteHeader } from './site-header.js';
import { SkipLink } from './skip-link.js';

const P1Watch = lazy(async () => ({ default: (await import('../../features/console/p1-watch.js')).P1Watch }));

/** The signed-in frame: header, the sections the server granted, and the current section's page. */
export function AppShell({ me }: { me: Me }) {
  const path = usePath();
  const sections = knownSections(me.sections);
  const first = sections[0] ?? null;
  const requested = sectionOfPath(path);
  const current = requested && sections.includes(requested) ? requested : null;

  useEffect(() => {
    if (path === '/' && first) navigate(sectionPath(first), { replace: true });
  }, [path, first]);

  // The incidents section has the alarm itself; elsewhere a control-centre user still hears it.
  const watchesP1 =
    current !== 'incidents' &&
    sections.includes('incidents') &&
    me.roles.some((role) => role === 'operator' || role === 'supervisor');

  let content;
  if (!first) content = <NoSectionsPage />;
  else if (current) content = <SectionPage key={current} section={current} />;
  else if (path === '/')
    content = null; // about to move to the first section
  else content = <NotFoundPage homePath={sectionPath(first)} />;

  return (
    <div className="page">
      <SkipLink />
      <SiteHeader me={me} />
      {sections.length > 0 ? <SectionNav sections={sections} current={current} /> : null}
      <main id="main" className="main width-container" tabIndex={-1}>
        {watchesP1 ? (
          <Suspense fallback={null}>
            <P1Watch />
          </Suspense>
        ) : null}
        {content}
      </main>
      <SiteFooter />
    </div>
  );
}
