import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, LngLatBoundsLike } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionBoundaries } from '../geo/geo-api.js';
import { MapUnavailable } from '../geo/map-unavailable.js';
import { useKazakhstanMap } from '../geo/use-kazakhstan-map.js';
import type { OpenIncident, UnitView } from './dispatch-api.js';

interface UnitsMapProps {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  units: readonly UnitView[];
  incidents: readonly OpenIncident[];
}

// The colours match the board's status tags; red is kept for an emergency, which is also drawn larger.
export const STATUS_COLOURS: Record<UnitView['status'], string> = {
  available: '#00703c',
  dispatched: '#b35900',
  en_route: '#0b5ea8',
  on_scene: '#4c2c92',
  busy: '#505a5f',
  off_duty: '#b1b4b6',
};
export const EMERGENCY_COLOUR = '#c4301a';
export const INCIDENT_COLOUR = '#0b0c0c';

type Props = Record<string, string | number | boolean>;

function unitFeatures(units: readonly UnitView[]): FeatureCollection<Point, Props> {
  return {
    type: 'FeatureCollection',
    features: units.flatMap((u) =>
      u.position
        ? [
            {
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: u.position.location.coordinates },
              properties: {
                colour: u.emergency ? EMERGENCY_COLOUR : STATUS_COLOURS[u.status],
                emergency: u.emergency,
                stale: u.position.stale,
              },
            },
          ]
        : [],
    ),
  };
}

function incidentFeatures(incidents: readonly OpenIncident[]): FeatureCollection<Point, Props> {
  return {
    type: 'FeatureCollection',
    features: incidents.flatMap((i) =>
      i.location
        ? [
            {
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: i.location.coordinates },
              properties: { priority: i.priority },
            },
          ]
        : [],
    ),
  };
}

function boundsOf(units: readonly UnitView[]): LngLatBoundsLike | null {
  const points = units.flatMap((u) => (u.position ? [u.position.location.coordinates] : []));
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

/**
 * Units and open incidents on the map. An enhancement only: the unit table and the incident
 * list beside it say everything the map shows, for keyboards and screen readers.
 */
export function UnitsMap({ boundaries, tileUrl, units, incidents }: UnitsMapProps) {
  const { t } = useTranslation();
  const fitted = useRef(false);
  const drawn = useRef({ units: '', incidents: '' });

  // Built once per mount; the page remounts it when the language changes.
  const {
    container,
    map: mapRef,
    loaded: ready,
    failed,
  } = useKazakhstanMap({ boundaries, tileUrl, title: t('dispatch.map.label'), padding: 12 }, (map) => {
    map.on('load', () => {
      const empty = { type: 'FeatureCollection' as const, features: [] };
      map.addSource('incidents', { type: 'geojson', data: empty });
      map.addSource('units', { type: 'geojson', data: empty });
      map.addLayer({
        id: 'incidents',
        type: 'circle',
        source: 'incidents',
        paint: {
          'circle-radius': ['match', ['get', 'priority'], 1, 11, 2, 9, 7],
          'circle-color': '#ffffff',
          'circle-stroke-color': INCIDENT_COLOUR,
          'circle-stroke-width': 3,
        },
      });
      map.addLayer({
        id: 'units',
        type: 'circle',
        source: 'units',
        paint: {
          'circle-radius': ['case', ['get', 'emergency'], 10, 6],
          'circle-color': ['get', 'colour'],
          'circle-opacity': ['case', ['get', 'stale'], 0.45, 1],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      });
    });
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    // Each poll brings a new array; the map redraws only when a dot moved, changed or came or went.
    const next = { units: JSON.stringify(unitFeatures(units)), incidents: JSON.stringify(incidentFeatures(incidents)) };
    // setData answers a promise of when the data is drawn; the map's idle state already says that.
    if (next.units !== drawn.current.units)
      void (map.getSource('units') as GeoJSONSource | undefined)?.setData(JSON.parse(next.units));
    if (next.incidents !== drawn.current.incidents)
      void (map.getSource('incidents') as GeoJSONSource | undefined)?.setData(JSON.parse(next.incidents));
    drawn.current = next;
    const box = fitted.current ? null : boundsOf(units);
    if (box) {
      fitted.current = true;
      map.fitBounds(box, { padding: 40, maxZoom: 12, duration: 0 });
    }
  }, [units, incidents, ready]);

  if (failed) return <MapUnavailable />;
  return <div ref={container} className="region-map dispatch-map" />;
}
