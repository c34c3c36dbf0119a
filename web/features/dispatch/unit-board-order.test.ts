import { describe, expect, it } from 'vitest';
import type { UnitStatus } from './dispatch-api.js';
import { isPositionStale, newEmergencies, orderUnits, positionAgeSeconds } from './unit-board-order.js';

const unit = (callSign: string, status: UnitStatus, emergencyAt: string | null = null) => ({
  id: callSign,
  callSign,
  status,
  emergency: emergencyAt !== null,
  emergencyAt,
});

describe('position age', () => {
  const withFix = {
    position: {
      location: { type: 'Point' as const, coordinates: [76.9, 43.2] as [number, number] },
      recordedAt: '',
      ageSeconds: 12,
      stale: false,
    },
  };

  it('counts on from the server’s age by the time since the answer, not by the device clock', () => {
    expect(positionAgeSeconds(withFix, 1_000, 1_000)).toBe(12);
    expect(positionAgeSeconds(withFix, 1_000, 9_999)).toBe(20);
  });

  it('has no age without a position', () => {
    expect(positionAgeSeconds({ position: null }, 0, 5_000)).toBeNull();
  });

  it('is stale only past the server’s threshold', () => {
    expect(isPositionStale(120, 120)).toBe(false);
    expect(isPositionStale(121, 120)).toBe(true);
    expect(isPositionStale(null, 120)).toBe(false);
  });
});

describe('board order', () => {
  it('puts units in an emergency first, the earliest panic on top, then by status and call sign', () => {
    const ordered = orderUnits([
      unit('A-1', 'available'),
      unit('Z-9', 'on_scene', '2026-11-25T10:05:00Z'),
      unit('B-2', 'dispatched'),
      unit('C-3', 'available', '2026-11-25T10:00:00Z'),
      unit('A-0', 'off_duty'),
      unit('A-2', 'en_route'),
    ]);
    expect(ordered.map((u) => u.callSign)).toEqual(['C-3', 'Z-9', 'B-2', 'A-2', 'A-1', 'A-0']);
  });

  it('names each unit that went into emergency since the last look once', () => {
    const before = [unit('A', 'available'), unit('B', 'available', '2026-11-25T10:00:00Z')];
    const after = [unit('A', 'available', '2026-11-25T10:01:00Z'), unit('B', 'available', '2026-11-25T10:00:00Z')];
    expect(newEmergencies(before, after)).toEqual(['A']);
    expect(newEmergencies(after, after)).toEqual([]);
  });
});
