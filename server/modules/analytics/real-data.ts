import type { CategoryCode } from '../../../common/categories.js';
import { readCsv } from './csv.js';

/**
 * Philadelphia's 31 published categories in Aman's codes: the data are treated as another
 * country's, so analyses speak the same categories as Kazakh incidents. Justifiable homicide is
 * not an offence and maps to nothing.
 */
export const PHILADELPHIA_CATEGORIES: Readonly<Record<string, CategoryCode | null>> = {
  'All Other Offenses': 'other-crime',
  'Other Assaults': 'violent-crime',
  Thefts: 'other-theft',
  'Vandalism/Criminal Mischief': 'criminal-damage-arson',
  'Theft from Vehicle': 'vehicle-crime',
  Fraud: 'fraud',
  'Narcotic / Drug Law Violations': 'drugs',
  'Aggravated Assault No Firearm': 'violent-crime',
  'Burglary Residential': 'burglary',
  'DRIVING UNDER THE INFLUENCE': 'drunk-driving',
  'Robbery No Firearm': 'robbery',
  'Robbery Firearm': 'robbery',
  'Aggravated Assault Firearm': 'violent-crime',
  'Weapon Violations': 'possession-of-weapons',
  'Motor Vehicle Theft': 'vehicle-crime',
  'Burglary Non-Residential': 'burglary',
  Rape: 'sexual-offences',
  'Disorderly Conduct': 'public-order',
  'Other Sex Offenses (Not Commercialized)': 'sexual-offences',
  'Prostitution and Commercialized Vice': 'other-crime',
  Arson: 'criminal-damage-arson',
  Embezzlement: 'fraud',
  'Homicide - Criminal': 'violent-crime',
  'Forgery and Counterfeiting': 'fraud',
  'Public Drunkenness': 'anti-social-behaviour',
  'Offenses Against Family and Children': 'offences-against-children',
  'Liquor Law Violations': 'illegal-alcohol-sale',
  'Gambling Violations': 'other-crime',
  'Receiving Stolen Property': 'other-crime',
  'Vagrancy/Loitering': 'anti-social-behaviour',
  'Homicide - Justifiable': null,
};

const DAY_MS = 86_400_000;

export interface RealIncident {
  lon: number;
  lat: number;
  at: Date;
  /** Days since 1970-01-01 of the local calendar date, for methods that work on dates. */
  localDay: number;
  category: CategoryCode | null;
  sourceCategory: string;
}

/**
 * Reads the Philadelphia extract (columns dispatch_local, dispatch_utc, category, lon, lat),
 * skipping rows without coordinates and, when given, rows outside the source categories.
 */
export async function loadPhiladelphia(
  file: string,
  filter: { sourceCategories?: readonly string[] } = {},
): Promise<RealIncident[]> {
  const wanted = filter.sourceCategories ? new Set(filter.sourceCategories) : null;
  const incidents: RealIncident[] = [];
  for await (const row of readCsv(file)) {
    const sourceCategory = row.category ?? '';
    if (wanted && !wanted.has(sourceCategory)) continue;
    const lon = Number.parseFloat(row.lon ?? '');
    const lat = Number.parseFloat(row.lat ?? '');
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    incidents.push({
      lon,
      lat,
      at: new Date((row.dispatch_utc ?? '').replace(' ', 'T').replace(/\+00$/, 'Z')),
      localDay: dayNumber((row.dispatch_local ?? '').slice(0, 10)),
      category: PHILADELPHIA_CATEGORIES[sourceCategory] ?? null,
      sourceCategory,
    });
  }
  return incidents;
}

export interface ChicagoBurglary {
  /** Metres in EPSG:26971 (Illinois East). */
  x: number;
  y: number;
  /** Days since 1970-01-01 of the recorded date. */
  day: number;
}

/** Reads the Chicago burglary extract (x, y, date_single as dd/mm/yyyy), optionally one year. */
export async function loadChicagoBurglaries(file: string, year?: number): Promise<ChicagoBurglary[]> {
  const burglaries: ChicagoBurglary[] = [];
  for await (const row of readCsv(file)) {
    const [dd, mm, yyyy] = (row.date_single ?? '').split('/');
    if (year !== undefined && Number(yyyy) !== year) continue;
    burglaries.push({ x: Number(row.x), y: Number(row.y), day: dayNumber(`${yyyy}-${mm}-${dd}`) });
  }
  return burglaries;
}

function dayNumber(isoDate: string): number {
  const day = Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
  if (!Number.isInteger(day)) throw new RangeError(`not a date: ${isoDate}`);
  return day;
}
