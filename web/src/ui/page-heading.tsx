import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let headingShownBefore = false;

/**
 * The page's <h1>. It sets the document title and takes focus when the page opens, so a screen
 * reader announces where a navigation led (a single-page app has no page load to do that).
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const appName = t('app.name');

  useEffect(() => {
    document.title = `${title} — ${appName}`;
  }, [title, appName]);

  useEffect(() => {
    // Not on the first page of a visit: there the browser starts at the top anyway.
    if (headingShownBefore) ref.current?.focus();
    headingShownBefore = true;
  }, []);

  return (
    <h1 className="page-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
