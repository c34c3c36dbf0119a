import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/page-heading.js';

/** Signed in, but the roles open no section (a citizen account, or roles not yet assigned). */
export function NoSectionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('noSections.title')}>{t('noSections.title')}</PageHeading>
      <p>{t('noSections.body')}</p>
    </>
  );
}
