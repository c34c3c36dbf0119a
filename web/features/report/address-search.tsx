import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src/api.js';
import { searchPlaces, type PlaceMatch } from './report-api.js';
import type { ChosenLocation } from './report-draft.js';

type Search =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; matches: PlaceMatch[] }
  | { status: 'failed'; message: string };

/** Finds a place by its name or street through the server's geocoder: the map's non-visual twin. */
export function AddressSearch({ onChoose }: { onChoose: (location: ChosenLocation) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  async function run() {
    const text = query.trim();
    if (!text) return;
    controller.current?.abort();
    const current = (controller.current = new AbortController());
    setSearch({ status: 'searching' });
    try {
      const matches = await searchPlaces(text, current.signal);
      if (!current.signal.aborted) setSearch({ status: 'done', matches });
    } catch (error) {
      if (!current.signal.aborted) setSearch({ status: 'failed', message: errorMessage(error) });
    }
  }

  // Enter searches here instead of sending the whole report.
  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void run();
  }

  function choose(match: PlaceMatch) {
    onChoose({ coordinates: match.point.coordinates, source: 'address', label: match.label, accuracy: null });
    setSearch({ status: 'idle' });
  }

  return (
    <div className="address-search">
      <label className="field__label" htmlFor="report-address">
        {t('report.location.address')}
      </label>
      <p id="report-address-hint" className="field__hint">
        {t('report.location.addressHint')}
      </p>
      <div className="address-search__row">
        <input
          id="report-address"
          type="search"
          className="input address-search__input"
          autoComplete="street-address"
          enterKeyHint="search"
          aria-describedby="report-address-hint"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={handleKey}
        />
        <button type="button" className="button button--secondary address-search__button" onClick={() => void run()}>
          {t('report.location.find')}
        </button>
      </div>
      <div role="status" className="status-region">
        {search.status === 'searching' ? <p className="loading">{t('report.location.searching')}</p> : null}
        {search.status === 'failed' ? <p className="location-field__problem">{search.message}</p> : null}
        {search.status === 'done' ? (
          <p className="address-search__count">{t('report.location.found', { count: search.matches.length })}</p>
        ) : null}
      </div>
      {search.status === 'done' && search.matches.length > 0 ? (
        <ul className="address-search__results">
          {search.matches.map((match) => (
            <li key={`${match.label}-${match.point.coordinates.join(',')}`}>
              <button type="button" className="address-search__result" onClick={() => choose(match)}>
                {match.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
