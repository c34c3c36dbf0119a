import { useEffect, useState } from 'react';
import { useLanguage } from '../../src/i18n.js';
import { fetchDistricts } from '../geo/geo-api.js';

/** District names by id for the given regions, in the interface language (shared, cached lists). */
export function useDistrictNames(regionIds: readonly string[]): ReadonlyMap<string, string> {
  const language = useLanguage();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(regionIds)].sort().join(',');
  useEffect(() => {
    let current = true;
    const regions = key ? key.split(',') : [];
    Promise.all(regions.map((regionId) => fetchDistricts(regionId, language).catch(() => []))).then(
      (lists) => {
        if (current) setNames(new Map(lists.flat().map((d) => [d.id, d.name])));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [key, language]);
  return names;
}
