import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useResource } from '../../src/use-resource.js';
import { fetchGuide, type Guide } from './portal-api.js';
import { QuickExit } from '../../src/ui/quick-exit.js';

/** One guide: its steps in order and whom to call, with a quick exit where the guide asks for one. */
export function GuidePage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const guide = useResource((signal) => fetchGuide(slug, signal), [slug, language]);
  if (guide.status === 'loading') return <LoadingMessage />;
  if (guide.status === 'failed') {
    return (
      <>
        <PageHeading title={t('portal.guides.missing')}>{t('portal.guides.missing')}</PageHeading>
        <LoadFailure error={guide.error} onRetry={guide.reload} />
        <p>
          <Link to="/guides">{t('portal.guides.back')}</Link>
        </p>
      </>
    );
  }
  return <GuideView guide={guide.data} />;
}

function GuideView({ guide }: { guide: Guide }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <article className="portal-guide">
      {guide.quickExit ? <QuickExit label={t('portal.quickExit.button')} hint={t('portal.quickExit.keys')} showHint /> : null}
      <PageHeading title={guide.title}>{guide.title}</PageHeading>
      {guide.quickExit ? (
        <div className="notice notice--warning">
          <p>{t('portal.quickExit.explain')}</p>
          <p>{t('portal.quickExit.history')}</p>
        </div>
      ) : null}
      <p className="lead">{guide.summary}</p>
      <h2 className="portal-section-title">{t('portal.guides.steps')}</h2>
      <ol className="portal-steps">
        {guide.steps.map((step, index) => (
          <li key={index} className="portal-steps__step">
            {step}
          </li>
        ))}
      </ol>
      {guide.contacts.length > 0 ? (
        <>
          <h2 className="portal-section-title">{t('portal.guides.contacts')}</h2>
          <ul className="portal-contacts">
            {guide.contacts.map((contact) => (
              <li key={`${contact.phone}-${contact.name}`}>
                <a className="portal-contacts__call" href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>
                  <span className="portal-contacts__phone">{contact.phone}</span>
                  <span>{contact.name}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="field__hint">{t('portal.guides.updated', { date: formatDateTime(guide.publishedAt, language) })}</p>
      <p>
        <Link to="/guides">{t('portal.guides.back')}</Link>
      </p>
    </article>
  );
}
