import { describe, expect, it } from 'vitest';
import { createForecastCache } from './forecast-cache.js';
import type { ForecastView } from './forecast-schema.js';

const view = (model: string) => ({ model }) as ForecastView;

describe('forecast cache', () => {
  it('computes a question once, and forgets the least recently asked first', () => {
    const cache = createForecastCache(2);
    let computed = 0;
    const ask = (key: string) => cache.get(key, () => (computed++, view(key)));
    expect(ask('a').model).toBe('a');
    expect(ask('a').model).toBe('a');
    expect(computed).toBe(1);
    ask('b');
    ask('a'); // a is now the most recent: c pushes b out, not a.
    ask('c');
    expect(cache.size).toBe(2);
    expect(computed).toBe(3);
    ask('a');
    expect(computed).toBe(3);
    ask('b');
    expect(computed).toBe(4);
  });

  it('keeps nothing when the computation fails', () => {
    const cache = createForecastCache();
    expect(() =>
      cache.get('a', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(cache.size).toBe(0);
  });
});
