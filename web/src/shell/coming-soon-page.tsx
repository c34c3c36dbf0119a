import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/page-heading.js';
import type { Section } from './sections.js';

/** An honest placeholder for a section that is not built yet: no made-up data. */
export function ComingSoonPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  const title = t(`sections.${section}`);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div className="notice">
        <p className="notice__title">{t('comingSoon.title')}</p>
        <p>{t('comingSoon.body')}</p>
      </div>
    </>
  );
}
