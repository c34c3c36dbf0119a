import { describe, expect, it } from 'vitest';
import { createForecastCache } from './forecast-cache.js';
import type { ForecastView } from './forecast-schema.js';

const view = (model: string) => ({ model }) as ForecastView;

describe('forecast cache', () => {
  it('computes a question once, and forgets the least recently asked first', async () => {
    const cache = createForecastCache(2);
    let computed = 0;
    const ask = (key: string) => cache.get(key, async () => (computed++, view(key)));
    expect((await ask('a')).model).toBe('a');
    expect((await ask('a')).model).toBe('a');
    expect(computed).toBe(1);
    await ask('b');
    await ask('a'); // a is now the most recent: c pushes b out, not a.
    await ask('c');
    expect(cache.size).toBe(2);
    expect(computed).toBe(3);
    await ask('a');
    expect(computed).toBe(3);
    await ask('b');
    expect(computed).toBe(4);
  });

  it('computes a question asked again while it is being computed only once', async () => {
    const cache = createForecastCache();
    let computed = 0;
    const ask = () => cache.get('a', () => new Promise((resolve) => setTimeout(() => resolve(view(`${++computed}`)), 20)));
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(computed).toBe(1);
    expect(second).toBe(first);
  });

  it('keeps nothing when the computation fails, at once or later', async () => {
    const cache = createForecastCache();
    await expect(
      cache.get('a', () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await expect(cache.get('b', async () => Promise.reject(new Error('later')))).rejects.toThrow('later');
    expect(cache.size).toBe(0);
    expect((await cache.get('a', async () => view('again'))).model).toBe('again');
  });
});
