import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_CODES, categoryByCode, isCategoryCode, type CategoryCode } from './categories.js';

const POLICE_UK_SLUGS = [
  'anti-social-behaviour',
  'bicycle-theft',
  'burglary',
  'criminal-damage-arson',
  'drugs',
  'other-theft',
  'possession-of-weapons',
  'public-order',
  'robbery',
  'shoplifting',
  'theft-from-the-person',
  'vehicle-crime',
  'violent-crime',
  'other-crime',
];

describe('categories', () => {
  it('lists every code once, in the order of CATEGORY_CODES', () => {
    expect(CATEGORIES.map((c) => c.code)).toEqual([...CATEGORY_CODES]);
    expect(new Set(CATEGORY_CODES).size).toBe(CATEGORY_CODES.length);
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(25);
    expect(CATEGORIES.length).toBeLessThanOrEqual(35);
  });

  it('names every category in Kazakh, Russian and English, each name its own', () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const names = CATEGORIES.map((c) => c.names[lang].trim());
      for (const name of names) expect(name.length).toBeGreaterThan(2);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    }
    for (const c of CATEGORIES) {
      expect(c.names.kk, c.code).toMatch(/[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
      expect(c.names.ru, c.code).toMatch(/[А-Яа-яЁё]/);
      expect(c.names.en, c.code).toMatch(/^[A-Z][A-Za-z ,()-]+$/);
    }
    // A Russian name pasted into kk would lack the letters only Kazakh has. Not every Kazakh
    // name uses them ('Алаяқтық' does, 'Адам саудасы' does not), so this is checked over the list.
    const kazakhLetters = CATEGORIES.filter((c) => /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(c.names.kk));
    expect(kazakhLetters.length).toBeGreaterThan(CATEGORIES.length / 2);
  });

  it('marks exactly domestic violence, sexual offences and offences against children sensitive', () => {
    expect(CATEGORIES.filter((c) => c.sensitive).map((c) => c.code)).toEqual([
      'domestic-violence',
      'sexual-offences',
      'offences-against-children',
    ]);
  });

  it('keeps every police.uk slug as a code that maps onto itself', () => {
    for (const slug of POLICE_UK_SLUGS) {
      expect(isCategoryCode(slug), slug).toBe(true);
      expect(categoryByCode(slug)?.policeUk).toBe(slug);
    }
  });

  it('maps onto police.uk street-crime slugs only', () => {
    for (const c of CATEGORIES) {
      if (c.policeUk !== null) expect(POLICE_UK_SLUGS, c.code).toContain(c.policeUk);
    }
  });

  it('has the categories the concept needs beyond police.uk', () => {
    const needed: CategoryCode[] = [
      'fraud',
      'internet-fraud',
      'domestic-violence',
      'sexual-offences',
      'offences-against-children',
      'road-accident',
      'livestock-theft',
      'phone-theft',
      'terror-threat',
      'drunk-driving',
      'emergency-sos',
    ];
    for (const code of needed) expect(categoryByCode(code).code).toBe(code);
  });

  it('offers through Open311 only non-emergency matters a citizen may report', () => {
    const open311 = CATEGORIES.filter((c) => c.open311);
    expect(open311.length).toBeGreaterThan(0);
    for (const c of open311) {
      expect(c.group, c.code).not.toBe('emergency');
      expect(c.defaultPriority, c.code).toBeGreaterThanOrEqual(3);
      expect(c.citizenReportable, c.code).toBe(true);
      expect(c.sensitive, c.code).toBe(false);
    }
  });

  it('gives the most urgent priority to threats to life', () => {
    for (const code of ['emergency-sos', 'violent-crime', 'domestic-violence', 'road-accident'] as const) {
      expect(categoryByCode(code).defaultPriority).toBe(1);
    }
    expect(categoryByCode('lost-documents').defaultPriority).toBe(4);
  });

  it('does not let a citizen file a camera alert', () => {
    expect(categoryByCode('camera-alert').citizenReportable).toBe(false);
  });

  it('recognises codes and nothing else', () => {
    for (const code of CATEGORY_CODES) expect(isCategoryCode(code)).toBe(true);
    for (const value of ['theft', '', 'BURGLARY', ' burglary', 'toString', 42, null, undefined, {}]) {
      expect(isCategoryCode(value), String(value)).toBe(false);
    }
    expect(categoryByCode('no-such-thing')).toBeUndefined();
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(CATEGORIES)).toBe(true);
    expect(() => {
      (CATEGORIES[0] as { sensitive: boolean }).sensitive = true;
    }).toThrow();
  });
});
