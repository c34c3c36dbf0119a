import { CATEGORIES } from '../../../common/categories.js';
import type { Language } from '../../src/i18n.js';

/**
 * Reads coordinates as a call-taker types them: "lat, lon" as a caller reads them off a phone
 * (43.2383, 76.9458), with a comma or spaces between. Returns GeoJSON order [lon, lat], or null.
 */
export function parseCoordinates(text: string): [number, number] | null {
  const parts = text
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (parts.length !== 2) return null;
  const [lat, lon] = parts.map(Number) as [number, number];
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

/** Every category, named in a language, for the type-ahead. */
export function categoryOptions(language: Language): { code: string; name: string }[] {
  return CATEGORIES.map((c) => ({ code: c.code, name: c.names[language] })).sort((a, b) =>
    a.name.localeCompare(b.name, language),
  );
}

/** The category a typed name or code means: an exact name (any case), else the only one containing it. */
export function matchCategory(typed: string, options: readonly { code: string; name: string }[]): string | null {
  const text = typed.trim().toLocaleLowerCase();
  if (!text) return null;
  const exact = options.find((o) => o.name.toLocaleLowerCase() === text || o.code === text);
  if (exact) return exact.code;
  const partial = options.filter((o) => o.name.toLocaleLowerCase().includes(text));
  return partial.length === 1 ? partial[0]!.code : null;
}
