import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src/api.js';
import { navigate } from '../../src/router.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { PickAreaMap } from './pick-area-map.js';
import { locateNeighbourhood, searchPlaces, type PlaceMatch } from './portal-api.js';

type Search =
  { status: 'idle' } | { status: 'busy' } | { status: 'done'; matches: PlaceMatch[] } | { status: 'failed'; message: string };

const GPS_PROBLEMS: Record<number, string> = {
  1: 'portal.area.gpsDenied',
  2: 'portal.area.gpsUnavailable',
  3: 'portal.area.gpsTimeout',
};

/** Find my area: by address, by a tap on the map, or by the phone's position; each leads to the neighbourhood page. */
export function AreaPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [problem, setProblem] = useNotice();
  const [locating, setLocating] = useState(false);
  const controller = useRef<AbortController | null>(null);

  async function findArea(point: [number, number]) {
    setProblem(null);
    setLocating(true);
    try {
      const located = await locateNeighbourhood(point);
      navigate(`/neighbourhoods/${encodeURIComponent(located.beat.id)}`);
    } catch (error) {
      setProblem({ error });
    } finally {
      setLocating(false);
    }
  }

  async function runSearch(event: FormEvent) {
    event.preventDefault();
    const text = query.trim();
    if (!text) return;
    controller.current?.abort();
    const current = (controller.current = new AbortController());
    setSearch({ status: 'busy' });
    try {
      const matches = await searchPlaces(text, current.signal);
      if (!current.signal.aborted) setSearch({ status: 'done', matches });
    } catch (error) {
      if (!current.signal.aborted) setSearch({ status: 'failed', message: errorMessage(error) });
    }
  }

  function useMyPosition() {
    if (!('geolocation' in navigator)) {
      setProblem({ key: 'portal.area.gpsUnsupported' });
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (found) => void findArea([found.coords.longitude, found.coords.latitude]),
      (failure) => {
        setLocating(false);
        setProblem({ key: GPS_PROBLEMS[failure.code] ?? 'portal.area.gpsUnavailable' });
      },
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 300_000 },
    );
  }

  return (
    <>
      <PageHeading title={t('portal.area.title')}>{t('portal.area.title')}</PageHeading>
      <p className="lead">{t('portal.area.lead')}</p>

      <form className="portal-search" role="search" onSubmit={(event) => void runSearch(event)}>
        <label className="field__label" htmlFor="area-address">
          {t('portal.area.address')}
        </label>
        <p id="area-address-hint" className="field__hint">
          {t('portal.area.addressHint')}
        </p>
        <div className="portal-search__row">
          <input
            id="area-address"
            type="search"
            className="input"
            autoComplete="street-address"
            enterKeyHint="search"
            aria-describedby="area-address-hint"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <button type="submit" className="button">
            {t('portal.area.find')}
          </button>
        </div>
      </form>
      <div role="status" className="status-region">
        {search.status === 'busy' || locating ? <p className="loading">{t('portal.area.searching')}</p> : null}
        {search.status === 'failed' ? <p className="notice notice--error">{search.message}</p> : null}
        {problem ? <p className="notice notice--error">{problem}</p> : null}
        {search.status === 'done' ? <p>{t('portal.area.found', { count: search.matches.length })}</p> : null}
      </div>
      {search.status === 'done' && search.matches.length > 0 ? (
        <ul className="portal-choices">
          {search.matches.map((match) => (
            <li key={`${match.label}-${match.point.coordinates.join(',')}`}>
              <button type="button" className="portal-choices__choice" onClick={() => void findArea(match.point.coordinates)}>
                {match.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <h2 className="portal-section-title">{t('portal.area.gpsTitle')}</h2>
      <button type="button" className="button button--secondary" onClick={useMyPosition} disabled={locating}>
        {t('portal.area.gps')}
      </button>

      <h2 className="portal-section-title">{t('portal.area.mapTitle')}</h2>
      <PickAreaMap onPick={(point) => void findArea(point)} />
    </>
  );
}
