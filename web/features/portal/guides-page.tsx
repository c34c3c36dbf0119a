import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useResource } from '../../src/use-resource.js';
import { fetchGuides } from './portal-api.js';

/** The library of advice and "what to do" guides, searchable by words in the reader's language. */
export function GuidesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const initial = new URLSearchParams(window.location.search).get('q') ?? '';
  const [draft, setDraft] = useState(initial);
  const [query, setQuery] = useState(initial);
  const guides = useResource((signal) => fetchGuides(query, signal), [query, language]);

  // The search is kept in the address, so Back and a shared link find the same guides.
  useEffect(() => {
    const url = query ? `/guides?q=${encodeURIComponent(query)}` : '/guides';
    window.history.replaceState(null, '', url);
  }, [query]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setQuery(draft.trim());
  }

  return (
    <>
      <PageHeading title={t('portal.guides.title')}>{t('portal.guides.title')}</PageHeading>
      <p className="lead">{t('portal.guides.lead')}</p>
      <form className="portal-search" role="search" onSubmit={submit}>
        <label className="field__label" htmlFor="guide-search">
          {t('portal.guides.search')}
        </label>
        <div className="portal-search__row">
          <input
            id="guide-search"
            type="search"
            className="input"
            enterKeyHint="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button">
            {t('portal.guides.find')}
          </button>
        </div>
      </form>
      <div role="status" className="status-region">
        {guides.status === 'loading' ? <LoadingMessage /> : null}
        {guides.status === 'ready' ? <p>{t('portal.guides.found', { count: guides.data.length })}</p> : null}
      </div>
      {guides.status === 'failed' ? <LoadFailure error={guides.error} onRetry={guides.reload} /> : null}
      {guides.status === 'ready' ? (
        <ul className="portal-guide-list">
          {guides.data.map((guide) => (
            <li key={guide.slug} className="portal-guide-list__item">
              <h2 className="portal-guide-list__title">
                <Link to={`/guides/${guide.slug}`}>{guide.title}</Link>
              </h2>
              <p>{guide.summary}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
