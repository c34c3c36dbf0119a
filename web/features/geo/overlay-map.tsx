import type { FeatureCollection } from 'geojson';
import { LngLatBounds, type GeoJSONSource, type LayerSpecification } from 'maplibre-gl';
import { useEffect } from 'react';
import type { RegionBoundaries } from './geo-api.js';
import { MapUnavailable } from './map-unavailable.js';
import { useKazakhstanMap } from './use-kazakhstan-map.js';

/** One overlay's layer, without its source: the map names the source after the layer. */
export type OverlayLayer = Omit<LayerSpecification, 'source'> & { id: string };

/**
 * A Kazakhstan map with one GeoJSON overlay redrawn whenever `data` changes, optionally brought
 * into view. `data-map-state` on the container says "loading" or "idle", for tests that wait on
 * the drawing. Built once per mount: the parent remounts it when the language changes.
 */
export function OverlayMap({
  boundaries,
  tileUrl,
  title,
  layer,
  data,
  fitTo,
}: {
  boundaries: RegionBoundaries;
  tileUrl: string | null;
  title: string;
  layer: OverlayLayer;
  data: FeatureCollection;
  /** Corners to bring into view after drawing; none keeps the view. */
  fitTo?: [number, number][];
}) {
  const { container, map: mapRef, failed } = useKazakhstanMap({ boundaries, tileUrl, title, padding: 12 });

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const draw = () => {
      const source = map.getSource<GeoJSONSource>(layer.id);
      if (source) void source.setData(data);
      else {
        map.addSource(layer.id, { type: 'geojson', data });
        map.addLayer({ ...layer, source: layer.id } as LayerSpecification);
      }
      if (fitTo && fitTo.length > 0) {
        const bounds = new LngLatBounds();
        for (const corner of fitTo) bounds.extend(corner);
        map.fitBounds(bounds, { padding: 24, maxZoom: 13, duration: 0 });
      }
    };
    if (map.isStyleLoaded()) draw();
    else map.once('load', draw);
  }, [data]);

  if (failed) return <MapUnavailable />;
  return <div ref={container} className="region-map" />;
}
