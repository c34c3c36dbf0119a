import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src/api.js';
import { searchPlaces, type PlaceMatch } from '../report/report-api.js';
import { parseCoordinates } from './call-draft.js';

export interface CallPlace {
  coordinates: [number, number];
  label: string;
}

type Search =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; matches: PlaceMatch[] }
  | { status: 'failed'; message: string };

/** Where the caller is: an address found through the geocoder, or coordinates typed as "lat, lon". */
export function CallLocation({
  value,
  onChange,
  error,
}: {
  value: CallPlace | null;
  onChange: (place: CallPlace | null) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  async function find() {
    const text = query.trim();
    if (!text) return;
    const typed = parseCoordinates(text);
    if (typed) {
      onChange({ coordinates: typed, label: t('console.call.typedCoordinates', { lat: typed[1], lon: typed[0] }) });
      setSearch({ status: 'idle' });
      return;
    }
    controller.current?.abort();
    const current = (controller.current = new AbortController());
    setSearch({ status: 'searching' });
    try {
      const matches = await searchPlaces(text, current.signal);
      if (!current.signal.aborted) setSearch({ status: 'done', matches });
    } catch (failure) {
      if (!current.signal.aborted) setSearch({ status: 'failed', message: errorMessage(failure) });
    }
  }

  // Enter searches here; Ctrl+Enter still sends the whole form.
  function onKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    void find();
  }

  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor="call-place">
        {t('console.call.location')}
      </label>
      <p id="call-place-hint" className="field__hint">
        {t('console.call.locationHint')}
      </p>
      {error ? (
        <p id="call-place-error" className="field__error">
          {error}
        </p>
      ) : null}
      <div className="call-location__row">
        <input
          id="call-place"
          type="search"
          className="input"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'call-place-hint call-place-error' : 'call-place-hint'}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKey}
        />
        <button type="button" className="button button--secondary" onClick={() => void find()}>
          {t('console.call.find')}
        </button>
      </div>
      <div role="status" className="status-region">
        {search.status === 'searching' ? <p className="loading">{t('console.call.searching')}</p> : null}
        {search.status === 'failed' ? <p className="field__error">{search.message}</p> : null}
        {search.status === 'done' ? <p>{t('console.call.found', { count: search.matches.length })}</p> : null}
        {value ? <p className="call-location__chosen">{t('console.call.chosen', { place: value.label })}</p> : null}
      </div>
      {search.status === 'done' && search.matches.length > 0 ? (
        <ul className="call-location__results">
          {search.matches.map((match) => (
            <li key={`${match.label}-${match.point.coordinates.join(',')}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onChange({ coordinates: match.point.coordinates, label: match.label });
                  setSearch({ status: 'idle' });
                }}
              >
                {match.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
