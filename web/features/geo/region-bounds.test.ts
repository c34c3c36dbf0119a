import { describe, expect, it } from 'vitest';
import type { RegionBoundaries } from './geo-api.js';
import { regionBounds } from './region-bounds.js';

const boundaries: RegionBoundaries = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: '750000000', name: 'Almaty' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [76.7, 43.1],
            [77.2, 43.1],
            [77.2, 43.4],
            [76.7, 43.1],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { id: '470000000', name: 'Mangystau' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [50, 41],
              [51, 41],
              [51, 42],
              [50, 41],
            ],
          ],
          [
            [
              [53, 44],
              [54, 45],
              [53, 45],
              [53, 44],
            ],
          ],
        ],
      },
    },
  ],
};

describe('region bounds', () => {
  it('cover every polygon of a region', () => {
    expect(regionBounds(boundaries, '470000000')).toEqual([50, 41, 54, 45]);
    expect(regionBounds(boundaries, '750000000')).toEqual([76.7, 43.1, 77.2, 43.4]);
  });

  it('are null for a region not on the map', () => {
    expect(regionBounds(boundaries, 'nowhere')).toBeNull();
  });
});
