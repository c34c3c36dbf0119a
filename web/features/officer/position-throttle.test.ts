import { describe, expect, it } from 'vitest';
import { MAX_PENDING, PositionThrottle, SEND_EVERY_MS, fixOf } from './position-throttle.js';

const fix = (n: number) => ({ at: new Date(n * 1000).toISOString(), lon: 76.9, lat: 43.2 + n / 1000 });

describe('position sharing throttle', () => {
  it('sends the first fix at once, then at most once per interval with what gathered', () => {
    const throttle = new PositionThrottle();
    throttle.add(fix(1));
    expect(throttle.take(0)).toEqual([fix(1)]);
    throttle.add(fix(2));
    throttle.add(fix(3));
    expect(throttle.take(SEND_EVERY_MS - 1)).toBeNull();
    expect(throttle.take(SEND_EVERY_MS)).toEqual([fix(2), fix(3)]);
    expect(throttle.take(3 * SEND_EVERY_MS)).toBeNull();
  });

  it('keeps a batch that failed for the next send, and never more than the newest hundred', () => {
    const throttle = new PositionThrottle();
    throttle.add(fix(1));
    const batch = throttle.take(0)!;
    throttle.add(fix(2));
    throttle.putBack(batch);
    expect(throttle.take(SEND_EVERY_MS)).toEqual([fix(1), fix(2)]);
    for (let i = 0; i < MAX_PENDING + 20; i += 1) throttle.add(fix(i));
    const kept = throttle.take(2 * SEND_EVERY_MS)!;
    expect(kept).toHaveLength(MAX_PENDING);
    expect(kept.at(-1)).toEqual(fix(MAX_PENDING + 19));
  });

  it('turns a browser position into the server’s fix, speed in km/h', () => {
    const position = {
      timestamp: Date.UTC(2026, 10, 25, 10, 0, 0),
      coords: {
        latitude: 43.25,
        longitude: 76.95,
        accuracy: 12,
        heading: null,
        speed: 10,
        altitude: null,
        altitudeAccuracy: null,
      },
    } as unknown as GeolocationPosition;
    expect(fixOf(position)).toEqual({ at: '2026-11-25T10:00:00.000Z', lon: 76.95, lat: 43.25, accuracyM: 12, speedKmh: 36 });
  });
});
