import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';
import { philadelphiaIncidents } from './real-data-files.js';
import { hourByWeekday, localHour, monthlyChangePoints, monthlyCounts, monthRange, seasonalIndices } from './time-patterns.js';

describe('local time in Kazakhstan', () => {
  it('reads Almaty time as UTC+6 before 1 March 2024 and UTC+5 after, from the IANA zone', () => {
    // Noon UTC on Thursday 29 February 2024 was 18:00 in Almaty.
    expect(localHour(new Date('2024-02-29T12:00:00Z'), 'Asia/Almaty')).toEqual({ weekday: 3, hour: 18, month: '2024-02' });
    // The same UTC hour a week later is 17:00, Thursday.
    expect(localHour(new Date('2024-03-07T12:00:00Z'), 'Asia/Almaty')).toEqual({ weekday: 3, hour: 17, month: '2024-03' });
    // Oral (West Kazakhstan) was at UTC+5 throughout.
    expect(localHour(new Date('2024-02-29T12:00:00Z'), 'Asia/Oral').hour).toBe(17);
  });

  it('puts each hour’s count in its local weekday and hour, Monday first', () => {
    const table = hourByWeekday([
      { hour: new Date('2025-06-01T19:00:00Z'), timeZone: 'Asia/Almaty', count: 3 }, // Monday 00:00
      { hour: new Date('2025-06-01T18:00:00Z'), timeZone: 'Asia/Almaty', count: 2 }, // Sunday 23:00
    ]);
    expect(table[0]![0]).toBe(3);
    expect(table[6]![23]).toBe(2);
    expect(table.flat().reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('monthly series', () => {
  it('counts by local month, including empty months', () => {
    const months = monthRange('2024-11', '2025-02');
    expect(months).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    // 20:00 UTC on 31 December is already January in Almaty.
    const counts = monthlyCounts([{ hour: new Date('2024-12-31T20:00:00Z'), timeZone: 'Asia/Almaty', count: 4 }], months);
    expect(counts).toEqual([0, 0, 4, 0]);
  });

  it('recovers a known seasonal pattern by classical decomposition', () => {
    const pattern = [0.8, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.2, 1.0, 0.9, 0.9, 1.1];
    const scale = pattern.reduce((a, b) => a + b, 0) / 12;
    const months = monthRange('2020-01', '2023-12');
    const counts = months.map((m, i) => 1000 * (1 + i / 200) * pattern[Number(m.slice(5)) - 1]!);
    const indices = seasonalIndices(months, counts)!;
    indices.forEach((value, i) => expect(value).toBeCloseTo(pattern[i]! / scale, 1));
    expect(seasonalIndices(months.slice(0, 23), counts.slice(0, 23))).toBeNull();
  });

  it('finds a level shift but not the seasons, and no change where there is none', () => {
    const months = monthRange('2019-01', '2023-12');
    const season = [0.85, 0.85, 0.9, 1, 1.1, 1.2, 1.25, 1.2, 1.0, 0.9, 0.85, 0.9];
    const results = { shifted: [] as string[][], flat: [] as string[][] };
    for (let seed = 1; seed <= 15; seed++) {
      for (const kind of ['shifted', 'flat'] as const) {
        const random = seededRandom(seed);
        // A 30% drop from April 2021 (or none), with noise of a Poisson count's size.
        const counts = months.map((m, i) => {
          const mean = (kind === 'shifted' && i >= 27 ? 350 : 500) * season[Number(m.slice(5)) - 1]!;
          return Math.round(mean + Math.sqrt(mean) * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
        });
        results[kind].push(monthlyChangePoints(months, counts, seasonalIndices(months, counts)).changes);
      }
    }
    expect(results.shifted.every((changes) => changes.includes('2021-04'))).toBe(true);
    expect(results.shifted.filter((changes) => changes.length > 1).length).toBeLessThanOrEqual(2);
    expect(results.flat.filter((changes) => changes.length > 0).length).toBeLessThanOrEqual(1);
  });
});

describe('on real data: Philadelphia 2016–2018', () => {
  it('shows the evening peak and the summer high, and where the monthly level changed', async () => {
    const incidents = await philadelphiaIncidents();
    const buckets = incidents.map((i) => ({ hour: i.at, timeZone: 'America/New_York', count: 1 }));
    const table = hourByWeekday(buckets);
    const byHour = table[0]!.map((_, h) => table.reduce((sum, day) => sum + day[h]!, 0));
    // Fewest incidents around 5 a.m., many more in the afternoon and evening.
    const quietest = byHour.indexOf(Math.min(...byHour));
    expect([3, 4, 5, 6]).toContain(quietest);
    expect(Math.max(...byHour.slice(12, 22))).toBeGreaterThan(3 * byHour[quietest]!);

    const months = monthRange('2016-01', '2018-12');
    const counts = monthlyCounts(buckets, months);
    const seasonal = seasonalIndices(months, counts)!;
    // February (short, cold) is the lowest month; the summer months are above average.
    expect(seasonal.indexOf(Math.min(...seasonal))).toBe(1);
    expect(seasonal[6]!).toBeGreaterThan(1);
    const result = monthlyChangePoints(months, counts, seasonal);
    // One change: the seasonally adjusted level falls from October 2017 (docs/analytics.md).
    expect(result.changes).toEqual(['2017-10']);
    expect(result.segments[1]!.mean).toBeLessThan(result.segments[0]!.mean);
  }, 60_000);
});
