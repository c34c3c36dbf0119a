import { describe, expect, it } from 'vitest';
import { rollingBacktest } from './backtest.js';
import { fitEtas, ETAS_DEFAULTS, etasExpectedCounts, etasModel } from './etas.js';
import { kernelDensityModel, lastPeriodModel, longTermAverageModel } from './forecast.js';
import { seededRandom, type Random } from './random.js';
import { studyGrid, type SpaceTimeEvent } from './study-grid.js';

/**
 * Simulates the model itself by its branching structure: uniform background over a square,
 * each event triggering Poisson(θ) children after Exp(ω) days, displaced by N(0, σ²) per axis.
 */
function simulate(
  truth: { rate: number; side: number; days: number; theta: number; omega: number; sigma: number },
  random: Random,
): SpaceTimeEvent[] {
  const events: SpaceTimeEvent[] = [];
  const queue: SpaceTimeEvent[] = [];
  for (let t = exponential(truth.rate, random); t < truth.days; t += exponential(truth.rate, random)) {
    queue.push({ x: random() * truth.side, y: random() * truth.side, t });
  }
  while (queue.length > 0) {
    const event = queue.pop()!;
    events.push(event);
    for (let k = poisson(truth.theta, random); k > 0; k--) {
      const child = {
        x: event.x + truth.sigma * normal(random),
        y: event.y + truth.sigma * normal(random),
        t: event.t + exponential(truth.omega, random),
      };
      if (child.t < truth.days) queue.push(child);
    }
  }
  return events.sort((a, b) => a.t - b.t);
}

const exponential = (rate: number, random: Random) => -Math.log(1 - random()) / rate;
const normal = (random: Random) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
function poisson(mean: number, random: Random): number {
  let k = 0;
  for (let product = random(); product > Math.exp(-mean); product *= random()) k++;
  return k;
}

const TRUTH = { rate: 6, side: 3000, days: 400, theta: 0.5, omega: 0.5, sigma: 50 };

describe('self-exciting point process (ETAS)', () => {
  it('recovers the parameters of a process simulated from the model', () => {
    const events = simulate(TRUTH, seededRandom(11));
    const grid = studyGrid(events, 150);
    const fit = fitEtas(events, grid, { from: 0, end: TRUTH.days }, ETAS_DEFAULTS);
    expect(fit.theta).toBeGreaterThan(0.4);
    expect(fit.theta).toBeLessThan(0.6);
    expect(1 / fit.omega).toBeGreaterThan(1.5);
    expect(1 / fit.omega).toBeLessThan(2.5);
    expect(fit.sigma).toBeGreaterThan(40);
    expect(fit.sigma).toBeLessThan(60);
    // The background carries the rest: rate × days background events, about half of all.
    const backgroundPerDay = fit.background.reduce((a, b) => a + b, 0);
    expect(backgroundPerDay).toBeGreaterThan(TRUTH.rate * 0.8);
    expect(backgroundPerDay).toBeLessThan(TRUTH.rate * 1.2);
  });

  it('expects the triggered events of a recent event in and around its cell', () => {
    const history = [{ x: 1125, y: 1125, t: 9.5 }];
    const grid = studyGrid([...history, { x: 1275, y: 1125, t: 0 }, { x: 5000, y: 5000, t: 0 }], 150);
    const fit = { background: new Float64Array(grid.size), theta: 1, omega: 1, sigma: 40, iterations: 0 };
    const expected = etasExpectedCounts(fit, history, grid, 10, 1, ETAS_DEFAULTS);
    const home = grid.cellOf(1125, 1125)!;
    const east = grid.cellOf(1275, 1125)!;
    const far = grid.cellOf(5000, 5000)!;
    // θ (e^{−0.5} − e^{−1.5}) of the offspring fall in the day; the home cell holds most of the
    // Gaussian (the point is at its centre, 75 m from each edge, σ = 40 m: P(|Z| < 1.875)² ≈ 0.8821),
    // the next cell east P(1.875 < Z < 5.625) · P(|Z| < 1.875) ≈ 0.0304 · 0.9392.
    const inDay = Math.exp(-0.5) - Math.exp(-1.5);
    expect(expected[home]! / inDay).toBeCloseTo(0.8821, 3);
    expect(expected[east]! / inDay).toBeCloseTo(0.0304 * 0.9392, 3);
    expect(expected[far]).toBe(0);
  });

  it('beats the baselines on data that really are self-exciting', () => {
    const events = simulate({ ...TRUTH, rate: 3, days: 215, theta: 0.7 }, seededRandom(5));
    const result = rollingBacktest(events, {
      from: 180,
      to: 215,
      horizon: 7,
      cellSize: 150,
      shares: [0.01, 0.05],
      models: [
        etasModel({ windowDays: 180 }),
        lastPeriodModel(),
        longTermAverageModel(180),
        kernelDensityModel({ windowDays: 180, bandwidth: 300 }),
      ],
    });
    expect(result.periods).toBe(5);
    const [etas, ...baselines] = result.models;
    for (const baseline of baselines) expect(etas!.pai['0.05']!, baseline.name).toBeGreaterThan(baseline.pai['0.05']!);
  });
});
