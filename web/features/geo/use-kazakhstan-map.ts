import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from './geo-api.js';
import { createKazakhstanMap } from './kazakhstan-map.js';

export interface KazakhstanMapSettings {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  /** What the map shows, for screen readers. */
  title: string;
  /** Space around the country in the first view, in pixels. */
  padding: number;
}

/**
 * The set-up every map here shares, around `createKazakhstanMap`: the map is made in `container`
 * once per mount (the controls' labels are in the language of that moment, so parents remount a
 * map when the language changes), and removed on unmount. `data-map-state` on the container says
 * "loading" or "idle", for tests and tools that wait for the drawing.
 *
 * `setUp` adds the map's own sources, layers and handlers as soon as it is made; `loaded` turns
 * true after its 'load', so after whatever `setUp` does on 'load'. `failed` is true when the
 * browser has no WebGL. `map` holds the map while it exists, for the map's own effects, which
 * run after this hook's in the same commit.
 */
export function useKazakhstanMap(settings: KazakhstanMapSettings, setUp?: (map: MapLibreMap) => void) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const made = createKazakhstanMap({ container: element, ...settings, t });
    if (!made) {
      setFailed(true);
      return;
    }
    map.current = made;
    element.dataset.mapState = 'loading';
    made.on('dataloading', () => (element.dataset.mapState = 'loading'));
    made.on('idle', () => (element.dataset.mapState = 'idle'));
    setUp?.(made);
    made.on('load', () => setLoaded(true));
    return () => {
      map.current = null;
      made.remove();
    };
    // Made once per mount on purpose (see above), so the settings of the first render are used.
  }, []);

  return { container, map, loaded, failed };
}
