import type { CategoryCode } from '../../../common/categories.js';
import {
  NO_CIRCUMSTANCES,
  type AgeBand,
  type IncidentCircumstances,
  type Intoxication,
  type PlaceType,
  type VictimSex,
} from '../../../common/incident-circumstances.js';

/**
 * Plausible circumstances for the demo seeder's generated crimes, so the National Report's
 * sections on women and children, juveniles, intoxication and public places show numbers. The
 * shares are general patterns, not Kazakh statistics: they only have to look like a real register.
 */

type Weights<T extends string> = Partial<Record<T, number>>;

interface Profile {
  /** Absent where the victim is no one person: a shop, the public, the state. */
  victimSex?: Weights<VictimSex>;
  victimAgeBand?: Weights<AgeBand>;
  offenderAgeBand?: Weights<AgeBand>;
  offenderIntoxication?: Weights<Intoxication>;
  placeType: Weights<PlaceType>;
}

/** Share of crimes whose circumstances staff recorded; the rest stay "not recorded". */
export const DEMO_RECORDED_SHARE = 0.7;

const EVEN: Weights<VictimSex> = { female: 50, male: 50 };
const ADULT: Weights<AgeBand> = { 'under-14': 2, '14-17': 5, '18-64': 80, '65-plus': 13 };
const ELDERLY_HEAVY: Weights<AgeBand> = { '14-17': 2, '18-64': 70, '65-plus': 28 };
// Under 14 is below the age of criminal responsibility (Criminal Code, art. 15): rare as a suspect.
const OFFENDER: Weights<AgeBand> = { 'under-14': 0.5, '14-17': 4, '18-64': 93, '65-plus': 2.5 };
const YOUNG_OFFENDER: Weights<AgeBand> = { 'under-14': 1, '14-17': 9, '18-64': 89, '65-plus': 1 };
const SOBER: Weights<Intoxication> = { none: 90, alcohol: 8, drugs: 2 };
const VIOLENT: Weights<Intoxication> = { none: 76, alcohol: 20, drugs: 4 };
const PERSON: Pick<Profile, 'victimSex' | 'victimAgeBand' | 'offenderAgeBand' | 'offenderIntoxication'> = {
  victimSex: EVEN,
  victimAgeBand: ADULT,
  offenderAgeBand: OFFENDER,
  offenderIntoxication: SOBER,
};
const STREET_THEFT: Weights<PlaceType> = { street: 40, 'public-transport': 30, market: 20, 'shop-or-mall': 5, park: 5 };

const PROFILES: Partial<Record<CategoryCode, Profile>> = {
  burglary: { ...PERSON, victimAgeBand: ELDERLY_HEAVY, placeType: { home: 90, workplace: 6, other: 4 } },
  robbery: {
    ...PERSON,
    victimSex: { female: 45, male: 55 },
    offenderAgeBand: YOUNG_OFFENDER,
    offenderIntoxication: VIOLENT,
    placeType: { street: 55, 'public-transport': 15, market: 10, park: 10, 'shop-or-mall': 5, 'entertainment-venue': 5 },
  },
  'vehicle-crime': { ...PERSON, victimSex: { female: 25, male: 75 }, placeType: { street: 85, home: 5, other: 10 } },
  'violent-crime': {
    ...PERSON,
    victimSex: { female: 30, male: 70 },
    victimAgeBand: { 'under-14': 3, '14-17': 8, '18-64': 82, '65-plus': 7 },
    offenderAgeBand: YOUNG_OFFENDER,
    offenderIntoxication: VIOLENT,
    placeType: { street: 35, home: 25, 'entertainment-venue': 15, park: 10, 'public-transport': 5, workplace: 5, education: 5 },
  },
  'other-theft': {
    ...PERSON,
    placeType: { home: 30, workplace: 20, street: 20, 'shop-or-mall': 10, 'public-transport': 10, other: 10 },
  },
  'theft-from-the-person': { ...PERSON, victimSex: { female: 60, male: 40 }, placeType: STREET_THEFT },
  shoplifting: { offenderAgeBand: YOUNG_OFFENDER, offenderIntoxication: SOBER, placeType: { 'shop-or-mall': 1 } },
  'bicycle-theft': {
    ...PERSON,
    victimSex: { female: 35, male: 65 },
    victimAgeBand: { 'under-14': 10, '14-17': 20, '18-64': 67, '65-plus': 3 },
    offenderAgeBand: YOUNG_OFFENDER,
    placeType: { street: 60, home: 30, education: 10 },
  },
  'phone-theft': {
    ...PERSON,
    victimSex: { female: 55, male: 45 },
    victimAgeBand: { 'under-14': 4, '14-17': 14, '18-64': 77, '65-plus': 5 },
    placeType: { street: 40, 'public-transport': 30, 'entertainment-venue': 15, education: 10, market: 5 },
  },
  'livestock-theft': { ...PERSON, victimSex: { female: 20, male: 80 }, victimAgeBand: ELDERLY_HEAVY, placeType: { other: 1 } },
  fraud: {
    ...PERSON,
    victimSex: { female: 55, male: 45 },
    victimAgeBand: ELDERLY_HEAVY,
    placeType: { home: 50, other: 30, market: 20 },
  },
  'internet-fraud': { ...PERSON, victimSex: { female: 55, male: 45 }, victimAgeBand: ELDERLY_HEAVY, placeType: { online: 1 } },
  'cyber-crime': { ...PERSON, offenderAgeBand: YOUNG_OFFENDER, placeType: { online: 1 } },
  drugs: {
    offenderAgeBand: YOUNG_OFFENDER,
    offenderIntoxication: { none: 60, drugs: 35, alcohol: 5 },
    placeType: { street: 50, home: 25, 'entertainment-venue': 15, park: 10 },
  },
  'public-order': {
    ...PERSON,
    victimSex: { female: 30, male: 70 },
    offenderAgeBand: YOUNG_OFFENDER,
    offenderIntoxication: { none: 65, alcohol: 30, drugs: 5 },
    placeType: { street: 40, 'entertainment-venue': 25, park: 15, 'public-transport': 10, market: 10 },
  },
  'criminal-damage-arson': { ...PERSON, offenderAgeBand: YOUNG_OFFENDER, placeType: { street: 50, home: 40, other: 10 } },
  'possession-of-weapons': {
    offenderAgeBand: OFFENDER,
    offenderIntoxication: SOBER,
    placeType: { street: 60, home: 30, 'entertainment-venue': 10 },
  },
  'domestic-violence': {
    victimSex: { female: 85, male: 15 },
    victimAgeBand: { 'under-14': 6, '14-17': 6, '18-64': 80, '65-plus': 8 },
    offenderAgeBand: { '14-17': 2, '18-64': 94, '65-plus': 4 },
    offenderIntoxication: VIOLENT,
    placeType: { home: 1 },
  },
  'sexual-offences': {
    victimSex: { female: 90, male: 10 },
    victimAgeBand: { 'under-14': 15, '14-17': 25, '18-64': 58, '65-plus': 2 },
    offenderAgeBand: OFFENDER,
    offenderIntoxication: VIOLENT,
    placeType: { home: 45, street: 20, park: 10, 'entertainment-venue': 10, education: 5, workplace: 5, online: 5 },
  },
  'offences-against-children': {
    victimSex: EVEN,
    victimAgeBand: { 'under-14': 60, '14-17': 40 },
    offenderAgeBand: OFFENDER,
    offenderIntoxication: VIOLENT,
    placeType: { home: 60, education: 20, street: 10, online: 10 },
  },
  'human-trafficking': {
    victimSex: { female: 75, male: 25 },
    victimAgeBand: { '14-17': 20, '18-64': 80 },
    offenderAgeBand: OFFENDER,
    offenderIntoxication: SOBER,
    placeType: { workplace: 40, other: 40, online: 20 },
  },
  // Hoax threats against schools come often from pupils.
  'terror-threat': {
    offenderAgeBand: { '14-17': 20, '18-64': 79, '65-plus': 1 },
    offenderIntoxication: SOBER,
    placeType: { education: 60, online: 30, other: 10 },
  },
  'other-crime': { ...PERSON, placeType: { other: 40, street: 30, home: 30 } },
  'drunk-driving': { offenderAgeBand: OFFENDER, offenderIntoxication: { alcohol: 92, drugs: 8 }, placeType: { street: 1 } },
};

function pick<T extends string>(weights: Weights<T> | undefined, random: () => number): T | null {
  if (!weights) return null;
  const entries = Object.entries(weights) as [T, number][];
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/**
 * One generated crime's circumstances, drawn from `random` (the seeder's own stream, so the rest
 * of the history does not move). About 70% are recorded; categories that are no crime with a
 * person behind it (noise, a lost passport) never are.
 */
export function demoCircumstances(category: CategoryCode, random: () => number): IncidentCircumstances {
  const profile = PROFILES[category];
  if (!profile || random() >= DEMO_RECORDED_SHARE) return NO_CIRCUMSTANCES;
  return {
    victimSex: pick(profile.victimSex, random),
    victimAgeBand: pick(profile.victimAgeBand, random),
    offenderAgeBand: pick(profile.offenderAgeBand, random),
    offenderIntoxication: pick(profile.offenderIntoxication, random),
    placeType: pick(profile.placeType, random),
  };
}
