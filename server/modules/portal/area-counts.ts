import { suppressTable, type TreeCell } from './suppression.js';

export type AreaLevel = 'country' | 'region' | 'district' | 'beat';

export const COUNTRY_ID = 'KZ';

export interface CountedCrime {
  category: string;
  regionId: string;
  districtId: string | null;
  beatId: string | null;
}

export interface AreaCountRow {
  category: string;
  level: AreaLevel;
  areaId: string;
  /** Null for the country. */
  regionId: string | null;
  /** Null when hidden. */
  count: number | null;
  mark: 'count' | 'fewer-than-5' | 'withheld';
}

export interface AreaGeography {
  districts: readonly { id: string; regionId: string }[];
  beats: readonly { id: string; districtId: string }[];
}

const nodeId = (level: AreaLevel, id: string) => (level === 'country' ? COUNTRY_ID : `${level}:${id}`);

/**
 * One month's published counts by area for each category: the whole tree of areas (every beat,
 * zeros included, since a zero is the best cell to hide beside a small one) down to `depth`,
 * suppressed as one table per category. Only rows that are not a shown zero are returned.
 * Crimes without a district (or, at beat depth, without a beat) are left out of every level,
 * so that each area stays the exact sum of its children.
 */
export function publishedAreaCounts(input: {
  crimes: readonly CountedCrime[];
  categories: readonly string[];
  geography: AreaGeography;
  depth: 'district' | 'beat';
  /** Levels whose true counts the public can work out elsewhere (see suppressTable). */
  publicLevels?: readonly AreaLevel[];
  /** Keyed rank of a cell within a category's table (see suppression.ts). */
  rank: (category: string, cellId: string) => number;
}): AreaCountRow[] {
  const { geography, depth } = input;
  const regionOf = new Map(geography.districts.map((d) => [d.id, d.regionId]));
  const skeleton: { id: string; parentId: string | null; level: AreaLevel; areaId: string; regionId: string | null }[] = [
    { id: COUNTRY_ID, parentId: null, level: 'country', areaId: COUNTRY_ID, regionId: null },
  ];
  for (const regionId of new Set(regionOf.values())) {
    skeleton.push({ id: nodeId('region', regionId), parentId: COUNTRY_ID, level: 'region', areaId: regionId, regionId });
  }
  for (const d of geography.districts) {
    skeleton.push({
      id: nodeId('district', d.id),
      parentId: nodeId('region', d.regionId),
      level: 'district',
      areaId: d.id,
      regionId: d.regionId,
    });
  }
  if (depth === 'beat') {
    for (const b of geography.beats) {
      const regionId = regionOf.get(b.districtId);
      if (!regionId) continue;
      skeleton.push({
        id: nodeId('beat', b.id),
        parentId: nodeId('district', b.districtId),
        level: 'beat',
        areaId: b.id,
        regionId,
      });
    }
  }
  const known = new Set(skeleton.map((s) => s.id));
  const levelOf = new Map(skeleton.map((s) => [s.id, s.level]));
  const publicLevels = new Set(input.publicLevels ?? []);
  const parentOf = new Map(skeleton.map((s) => [s.id, s.parentId]));

  const rows: AreaCountRow[] = [];
  for (const category of input.categories) {
    const counts = new Map<string, number>();
    for (const crime of input.crimes) {
      if (crime.category !== category || !crime.districtId) continue;
      const leaf = depth === 'beat' ? (crime.beatId ? nodeId('beat', crime.beatId) : null) : nodeId('district', crime.districtId);
      if (!leaf || !known.has(leaf)) continue;
      for (let node: string | null | undefined = leaf; node; node = parentOf.get(node))
        counts.set(node, (counts.get(node) ?? 0) + 1);
    }
    if (counts.size === 0) continue; // all zeros: nothing small to hide
    const cells: TreeCell[] = skeleton.map((s) => ({ id: s.id, parentId: s.parentId, count: counts.get(s.id) ?? 0 }));
    const published = suppressTable(
      cells,
      (id) => input.rank(category, id),
      (id) => publicLevels.has(levelOf.get(id)!),
    );
    for (const s of skeleton) {
      const p = published.get(s.id)!;
      if (p.kind === 'count' && p.count === 0) continue;
      rows.push({
        category,
        level: s.level,
        areaId: s.areaId,
        regionId: s.regionId,
        count: p.kind === 'count' ? p.count : null,
        mark: p.kind,
      });
    }
  }
  return rows;
}
