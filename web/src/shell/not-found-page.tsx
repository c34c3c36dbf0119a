import { useTranslation } from 'react-i18next';
import { Link } from '../router.js';
import { PageHeading } from '../ui/page-heading.js';

/** A path that is not a section, or a section this person's roles do not open. */
export function NotFoundPage({ homePath }: { homePath: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      {homePath ? (
        <p>
          <Link to={homePath}>{t('notFound.home')}</Link>
        </p>
      ) : null}
    </>
  );
}
