import { Type } from '@sinclair/typebox';
import type { Language } from '../../../common/roles.js';
import { crimeCategories } from './police-uk.js';
import type { CrimeView } from './open-schema.js';

/** data.police.uk answers JSON; `?format=` offers the same crimes for maps (GeoJSON) and spreadsheets (CSV). */
export const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('geojson'), Type.Literal('csv')], {
    description: 'json (default), geojson or csv',
  }),
);

export const CrimeCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      geometry: Type.Object({
        type: Type.Literal('Point'),
        coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
      }),
      properties: Type.Object({
        category: Type.String(),
        street: Type.String(),
        location_id: Type.Integer(),
        outcome_status: Type.Union([Type.String(), Type.Null()]),
        persistent_id: Type.String(),
        month: Type.String(),
      }),
    }),
  ),
});

/** RFC 7946: longitude first; crimes without a location have no feature. */
export function crimesAsGeoJson(crimes: readonly CrimeView[]) {
  return {
    type: 'FeatureCollection' as const,
    features: crimes.flatMap((c) =>
      c.location
        ? [
            {
              type: 'Feature' as const,
              id: c.persistent_id,
              geometry: { type: 'Point' as const, coordinates: [Number(c.location.longitude), Number(c.location.latitude)] },
              properties: {
                category: c.category,
                street: c.location.street.name,
                location_id: c.location.street.id,
                outcome_status: c.outcome_status?.category ?? null,
                persistent_id: c.persistent_id,
                month: c.month,
              },
            },
          ]
        : [],
    ),
  };
}

// A leading = + - @ would make a spreadsheet run the cell as a formula.
const csvField = (value: string) => {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The columns of data.police.uk's street-level CSV that Aman has. */
export function crimesAsCsv(crimes: readonly CrimeView[], language: Language): string {
  const names = new Map(crimeCategories(language).map((c) => [c.url, c.name]));
  const header = ['Crime ID', 'Month', 'Longitude', 'Latitude', 'Location', 'Crime type', 'Last outcome category', 'Context'];
  const rows = crimes.map((c) => [
    c.persistent_id,
    c.month,
    c.location?.longitude ?? '',
    c.location?.latitude ?? '',
    c.location?.street.name ?? 'No location',
    names.get(c.category) ?? c.category,
    c.outcome_status?.category ?? '',
    c.context,
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
