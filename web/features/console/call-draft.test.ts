import { describe, expect, it } from 'vitest';
import { categoryOptions, matchCategory, parseCoordinates } from './call-draft.js';

describe('parseCoordinates', () => {
  it('reads "lat, lon" as callers read it and answers GeoJSON order', () => {
    expect(parseCoordinates('43.2383, 76.9458')).toEqual([76.9458, 43.2383]);
    expect(parseCoordinates(' 43.2383 76.9458 ')).toEqual([76.9458, 43.2383]);
  });

  it('refuses text that is not a pair of coordinates in range', () => {
    expect(parseCoordinates('43.2383')).toBeNull();
    expect(parseCoordinates('north, east')).toBeNull();
    expect(parseCoordinates('143.2, 76.9')).toBeNull();
  });
});

describe('matchCategory', () => {
  const options = categoryOptions('en');

  it('takes an exact name in any case, or a code', () => {
    expect(matchCategory('noise', options)).toBe('noise');
    expect(matchCategory('ROBBERY', options)).toBe('robbery');
  });

  it('takes a fragment only when it names one category', () => {
    expect(matchCategory('domestic', options)).toBe('domestic-violence');
    expect(matchCategory('theft', options)).toBeNull();
    expect(matchCategory('   ', options)).toBeNull();
  });
});
