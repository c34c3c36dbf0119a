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

/**
 * The fit before it was made faster (all pairs in every EM step, found again for every period,
 * each fit from the same cold start), recorded on the simulated process of the first test.
 */
const BEFORE = {
  fit: { theta: 0.47285004416590937, omega: 0.5448771196063069, sigma: 49.80404400097634, background: 6.2889559995236555 },
  /** Expected counts of the week after: their sum, the first cell's and the largest. */
  week: { sum: 54.215808830794, first: 0.21406908076023878, largest: 0.5733306000102191 },
  /** Seven weekly back-tests from day 350: the last period's fit and the means. */
  backtest: {
    params: { theta: 0.4721242688550411, omega: 0.5364112515967124, sigma: 49.45524033875852 },
    pai: { '0.01': 2.8226227926880627, '0.05': 2.0453420104944757 },
    peiStar: { '0.01': 0.16643187191395153, '0.05': 0.18446334127858868 },
  },
};

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('the faster ETAS gives the results of the slower one', () => {
  const events = simulate(TRUTH, seededRandom(11));
  const grid = studyGrid(events, 150);
  const backtest = (warmStart: boolean) =>
    rollingBacktest(events, {
      from: 350,
      to: 400,
      horizon: 7,
      cellSize: 150,
      shares: [0.01, 0.05],
      models: [etasModel({ warmStart })],
    }).models[0]!;

  it('fits the same parameters and expects the same counts, to 10⁻¹² (only the order of sums differs)', () => {
    const fit = fitEtas(events, grid, { from: 0, end: TRUTH.days }, ETAS_DEFAULTS);
    expect(relative(fit.theta, BEFORE.fit.theta)).toBeLessThan(1e-12);
    expect(relative(fit.omega, BEFORE.fit.omega)).toBeLessThan(1e-12);
    expect(relative(fit.sigma, BEFORE.fit.sigma)).toBeLessThan(1e-12);
    expect(
      relative(
        fit.background.reduce((a, b) => a + b, 0),
        BEFORE.fit.background,
      ),
    ).toBeLessThan(1e-12);
    const week = etasExpectedCounts(fit, events, grid, TRUTH.days, 7, ETAS_DEFAULTS);
    expect(
      relative(
        week.reduce((a, b) => a + b, 0),
        BEFORE.week.sum,
      ),
    ).toBeLessThan(1e-12);
    expect(relative(week[0]!, BEFORE.week.first)).toBeLessThan(1e-12);
    expect(relative(Math.max(...week), BEFORE.week.largest)).toBeLessThan(1e-12);
  });

  it('leaves out only pairs that change nothing: the kernel cut-off moves no parameter by 10⁻¹²', () => {
    const cut = fitEtas(events, grid, { from: 0, end: TRUTH.days }, ETAS_DEFAULTS);
    const every = fitEtas(events, grid, { from: 0, end: TRUTH.days }, { ...ETAS_DEFAULTS, kernelTolerance: 0 });
    for (const key of ['theta', 'omega', 'sigma'] as const) expect(relative(cut[key], every[key])).toBeLessThan(1e-12);
  });

  // Fourteen fits of 50 EM steps each (this simulated fit never meets the tolerance): slow on a busy machine.
  it('back-tests as before from a cold start, and scores the same from a warm one', { timeout: 120_000 }, () => {
    const cold = backtest(false);
    for (const key of ['theta', 'omega', 'sigma'] as const) {
      expect(relative(cold.params[key]!, BEFORE.backtest.params[key])).toBeLessThan(1e-12);
    }
    const warm = backtest(true);
    for (const share of ['0.01', '0.05'] as const) {
      for (const run of [cold, warm]) {
        expect(relative(run.pai[share]!, BEFORE.backtest.pai[share])).toBeLessThan(1e-12);
        expect(relative(run.peiStar[share]!, BEFORE.backtest.peiStar[share])).toBeLessThan(1e-12);
      }
    }
    // The warm start stops at the same tolerance nearer the optimum: here both hit the 50-step cap.
    for (const key of ['theta', 'omega', 'sigma'] as const) {
      expect(relative(warm.params[key]!, BEFORE.backtest.params[key])).toBeLessThan(1e-3);
    }
    expect(warm.params.iterations).toBeLessThanOrEqual(50);
  });
});

describe('a warm start where crime appears in a new place', () => {
  it('gives the new place a background, as a cold start does', () => {
    // Crime in a square until day 300; then, far from it and over two months apart (beyond any
    // triggering), three events in one new cell. The first forecast's fit has no background there.
    const old = simulate({ ...TRUTH, days: 300 }, seededRandom(5));
    const far = [110, 180, 250].map((t) => ({ x: 20_000, y: 20_000, t: 300 + t }));
    const events = [...old, ...far].sort((a, b) => a.t - b.t);
    const grid = studyGrid(events, 150);
    const newCell = grid.cellOf(20_000, 20_000)!;
    const forecast = (model: ReturnType<typeof etasModel>, start: number) =>
      model.forecast({ history: events.filter((e) => e.t < start), grid, start, horizon: 7 }).scores[newCell]!;

    const warm = etasModel();
    expect(forecast(warm, 350)).toBe(0);
    const cold = forecast(etasModel({ warmStart: false }), 600);
    // Three background events over the 365-day window: about 7 × 3 / 365 expected in a week.
    expect(cold).toBeGreaterThan(0.04);
    expect(relative(forecast(warm, 600), cold)).toBeLessThan(0.01);
  });
});
