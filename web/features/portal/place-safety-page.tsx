import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { Link } from '../../src/router.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { useResource } from '../../src/use-resource.js';
import { AreaPicker } from './area-picker.js';
import { PointsMap } from './points-map.js';
import type { MapItem } from './portal-api.js';
import { fetchPlaces, PLACE_KINDS, type PlaceKind } from './place-safety-api.js';
import { PlaceSafetyMethod } from './place-safety-method.js';
import { GradeBadge, RatingParts } from './place-safety-rating.js';
import './place-safety.css';

const isKind = (value: string | null): value is PlaceKind => (PLACE_KINDS as readonly string[]).includes(value ?? '');

/** Rated places with filters (kept in the address for links and Back), a map and the same places as a list. */
export function PlaceSafetyPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const params = new URLSearchParams(window.location.search);
  const [kind, setKind] = useState<PlaceKind | ''>(isKind(params.get('kind')) ? (params.get('kind') as PlaceKind) : '');
  const [region, setRegion] = useState(params.get('region') ?? '');
  const [district, setDistrict] = useState(params.get('district') ?? '');
  const [text, setText] = useState(params.get('q') ?? '');
  const [query, setQuery] = useState(text);
  const [sort, setSort] = useState<'grade' | 'name'>(params.get('sort') === 'name' ? 'name' : 'grade');

  // Typing does not send a request per key: the search waits for a short pause.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);

  const filters = useMemo(
    () => ({
      ...(kind ? { kind } : {}),
      ...(region ? { region } : {}),
      ...(district ? { district } : {}),
      ...(query ? { q: query } : {}),
      ...(sort === 'name' ? { sort } : {}),
    }),
    [kind, region, district, query, sort],
  );
  const places = useResource((signal) => fetchPlaces(filters, signal), [filters, language]);

  useEffect(() => {
    const search = new URLSearchParams(filters as Record<string, string>).toString();
    window.history.replaceState(null, '', search ? `/safe-places?${search}` : '/safe-places');
  }, [filters]);

  const mapItems = useMemo<MapItem[]>(
    () =>
      places.status === 'ready'
        ? places.data.items.map((p) => ({
            id: p.id,
            name: p.name,
            lon: p.centre.lon,
            lat: p.centre.lat,
            value: { label: 'count', count: 1, hidden: 0 },
          }))
        : [],
    [places],
  );

  const title = t('place-safety.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('place-safety.lead')}</p>
      <div className="place-filters">
        <SelectField
          id="place-kind"
          label={t('place-safety.filters.kind')}
          value={kind}
          onChange={(e) => setKind(isKind(e.target.value) ? e.target.value : '')}
        >
          <option value="">{t('place-safety.filters.allKinds')}</option>
          {PLACE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`place-safety.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <AreaPicker
          ids={{ region: 'place-region', district: 'place-district' }}
          labels={{
            region: t('place-safety.filters.region'),
            district: t('place-safety.filters.district'),
            anyRegion: t('place-safety.filters.allRegions'),
            anyDistrict: t('place-safety.filters.allDistricts'),
          }}
          value={{ region, district }}
          onChange={(area) => {
            setRegion(area.region);
            setDistrict(area.district);
          }}
        />
        <TextField
          id="place-search"
          type="search"
          label={t('place-safety.filters.search')}
          hint={t('place-safety.filters.searchHint')}
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
        />
        <SelectField
          id="place-sort"
          label={t('place-safety.filters.sort')}
          value={sort}
          onChange={(e) => setSort(e.target.value === 'name' ? 'name' : 'grade')}
        >
          <option value="grade">{t('place-safety.filters.sortGrade')}</option>
          <option value="name">{t('place-safety.filters.sortName')}</option>
        </SelectField>
      </div>
      <div role="status" className="status-region">
        {places.status === 'loading' ? <LoadingMessage /> : null}
        {places.status === 'ready' ? <p>{t('place-safety.found', { count: places.data.items.length })}</p> : null}
      </div>
      {places.status === 'failed' ? <LoadFailure error={places.error} onRetry={places.reload} /> : null}
      <PointsMap items={mapItems} title={t('place-safety.mapTitle')} />
      <p className="field__hint">{t('place-safety.mapNote')}</p>
      <h2>{t('place-safety.listHeading')}</h2>
      {places.status === 'ready' ? (
        <>
          <ul className="place-list">
            {places.data.items.map((place) => (
              <li key={place.id} className="place-card">
                <div className="place-card__head">
                  <h3 className="place-card__title">
                    <Link to={`/safe-places/${place.id}`}>{place.name}</Link>
                  </h3>
                  <GradeBadge rating={place.rating} />
                </div>
                <p className="place-card__meta">
                  {t(`place-safety.kinds.${place.kind}`)} · {place.districtName}, {place.regionName}
                </p>
                <RatingParts rating={place.rating} headingLevel={4} />
              </li>
            ))}
          </ul>
          <PlaceSafetyMethod method={places.data.method} />
        </>
      ) : null}
    </>
  );
}
