import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../src/ui/page-heading.js';
import { PersonSearchForm } from './person-search.js';

/** "Find a person": the case page's IIN search on its own, for before a new case is opened. */
export function PersonSearchPage() {
  const { t } = useTranslation();
  const title = t('prevention-programmes.search.pageTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('prevention-programmes.search.intro')}</p>
      <PersonSearchForm resultsHeading="h2" />
    </>
  );
}
