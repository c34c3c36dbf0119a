import { quarticDensity } from './density.js';
import type { Forecast, ForecastInput, ForecastModel } from './forecast.js';
import { normalUpperTail } from './statistics.js';
import { firstAtOrAfter, type SpaceTimeEvent, type StudyGrid } from './study-grid.js';

/**
 * A self-exciting point process in the form of Mohler et al. (2011, 2015):
 *
 *   λ(x, y, t) = μ(cell of x, y) / cell area + Σ_{t_j < t} θ ω e^{−ω (t − t_j)} · N₂((x, y) − (x_j, y_j); σ²)
 *
 * a constant background per cell (events per day, as in the 2015 field trial) plus triggering
 * that decays exponentially in time and spreads as an isotropic Gaussian in space. θ is the
 * expected number of events one event triggers. Fitted by expectation–maximisation over the
 * branching structure (Veen & Schoenberg 2008; Mohler 2014), with triggering truncated at
 * `maxLagDays` and `maxDistance`, which keeps the work linear in the number of close pairs.
 */
export interface EtasOptions {
  /** History used to fit, in days before the forecast start. */
  windowDays: number;
  maxLagDays: number;
  maxDistance: number;
  iterations: number;
  /**
   * Floor on σ in metres: repeats at the very same address (d = 0) would otherwise drive σ to
   * zero and the likelihood to infinity.
   */
  minSigma: number;
  /**
   * Quartic kernel bandwidth of the background in metres; 0 keeps one constant rate per cell.
   * The default 0 was chosen over 150 and 300 m on Philadelphia burglary in the first half of
   * 2017, before the 2018 evaluation (docs/analytics.md).
   */
  backgroundBandwidth: number;
}

export const ETAS_DEFAULTS: EtasOptions = {
  windowDays: 365,
  maxLagDays: 60,
  maxDistance: 500,
  iterations: 50,
  minSigma: 10,
  backgroundBandwidth: 0,
};

export interface EtasFit {
  /** Background events per day in each study cell. */
  background: Float64Array;
  theta: number;
  /** Per day; 1/ω is the mean delay of a triggered event. */
  omega: number;
  sigma: number;
  iterations: number;
}

/** Parent–child pairs within the triggering limits: parent index, child index, delay, squared distance. */
interface Pairs {
  parent: Int32Array;
  child: Int32Array;
  delay: Float64Array;
  distance2: Float64Array;
}

/** Fits the model to `events` (sorted by time), observed over the days [from, end). */
export function fitEtas(
  events: readonly SpaceTimeEvent[],
  grid: StudyGrid,
  period: { from: number; end: number },
  options: EtasOptions,
): EtasFit {
  const { end } = period;
  const cells = Int32Array.from(events, (e) => grid.cellOf(e.x, e.y) ?? -1);
  const pairs = closePairs(events, options);
  const span = Math.max(1e-9, end - period.from);
  const cellArea = grid.cellSize * grid.cellSize;

  const background = new Float64Array(grid.size);
  estimateBackground(background, events, cells, () => 0.5 / span, grid, options);
  let [theta, omega, sigma] = [0.2, 0.1, Math.max(options.minSigma, options.maxDistance / 5)];

  const base = new Float64Array(events.length);
  const intensity = new Float64Array(events.length);
  const triggered = new Float64Array(pairs.parent.length);
  let iteration = 0;
  for (; iteration < options.iterations; iteration++) {
    // E-step: the probability that each event is background, or the child of each close parent.
    const gaussian = 1 / (2 * Math.PI * sigma * sigma);
    cells.forEach((cell, i) => (base[i] = intensity[i] = cell >= 0 ? background[cell]! / cellArea : 0));
    for (let p = 0; p < triggered.length; p++) {
      triggered[p] =
        theta * omega * Math.exp(-omega * pairs.delay[p]!) * gaussian * Math.exp(-pairs.distance2[p]! / (2 * sigma * sigma));
      intensity[pairs.child[p]!]! += triggered[p]!;
    }
    // M-step.
    estimateBackground(
      background,
      events,
      cells,
      (i) => (intensity[i]! > 0 ? base[i]! / intensity[i]! / span : 0),
      grid,
      options,
    );
    let children = 0;
    let delays = 0;
    let spread = 0;
    for (let p = 0; p < triggered.length; p++) {
      const share = triggered[p]! / intensity[pairs.child[p]!]!;
      children += share;
      delays += share * pairs.delay[p]!;
      spread += share * pairs.distance2[p]!;
    }
    const previous = [theta, omega, sigma];
    let exposure = 0;
    for (const e of events) exposure += 1 - Math.exp(-omega * Math.min(end - e.t, options.maxLagDays));
    theta = exposure > 0 ? children / exposure : 0;
    if (children > 0) {
      omega = children / delays;
      sigma = Math.max(options.minSigma, Math.sqrt(spread / (2 * children)));
    }
    if (previous.every((value, k) => Math.abs(value - [theta, omega, sigma][k]!) <= 1e-6 * Math.abs(value))) {
      iteration++;
      break;
    }
  }
  return { background, theta, omega, sigma, iterations: iteration };
}

/**
 * Background events per day per cell from each event's background weight: summed in its own
 * cell (Mohler et al. 2015), or spread by a quartic kernel when a bandwidth is set (as Mohler et
 * al. 2011 smooth theirs).
 */
function estimateBackground(
  background: Float64Array,
  events: readonly SpaceTimeEvent[],
  cells: Int32Array,
  weight: (i: number) => number,
  grid: StudyGrid,
  options: EtasOptions,
): void {
  background.fill(0);
  if (options.backgroundBandwidth > 0) {
    const surface = quarticDensity(
      events.map((e, i) => ({ x: e.x, y: e.y, weight: weight(i) })),
      grid.bounds,
      options.backgroundBandwidth,
    );
    const cellArea = grid.cellSize * grid.cellSize;
    for (let c = 0; c < grid.size; c++)
      background[c] = surface[grid.rows[c]! * grid.bounds.columns + grid.columns[c]!]! * cellArea;
  } else {
    cells.forEach((cell, i) => cell >= 0 && (background[cell]! += weight(i)));
  }
}

/** Expected events per study cell in [start, start + horizon) under a fitted model. */
export function etasExpectedCounts(
  fit: EtasFit,
  history: readonly SpaceTimeEvent[],
  grid: StudyGrid,
  start: number,
  horizon: number,
  options: EtasOptions,
): Float64Array {
  const expected = Float64Array.from(fit.background, (rate) => rate * horizon);
  const reach = Math.min(options.maxDistance, 4 * fit.sigma);
  const { originX, originY, cellSize } = grid.bounds;
  for (let j = firstAtOrAfter(history, start - options.maxLagDays); j < history.length; j++) {
    const parent = history[j]!;
    const decay = fit.theta * (Math.exp(-fit.omega * (start - parent.t)) - Math.exp(-fit.omega * (start + horizon - parent.t)));
    const [c0, c1] = [Math.floor((parent.x - reach - originX) / cellSize), Math.floor((parent.x + reach - originX) / cellSize)];
    const [r0, r1] = [Math.floor((parent.y - reach - originY) / cellSize), Math.floor((parent.y + reach - originY) / cellSize)];
    for (let r = r0; r <= r1; r++) {
      const massY = gaussianMass(originY + r * cellSize - parent.y, cellSize, fit.sigma);
      for (let c = c0; c <= c1; c++) {
        const cell = grid.cellAt(c, r);
        if (cell === undefined) continue;
        expected[cell]! += decay * massY * gaussianMass(originX + c * cellSize - parent.x, cellSize, fit.sigma);
      }
    }
  }
  return expected;
}

/** The share of a centred normal N(0, σ²) that falls in [from, from + width). */
function gaussianMass(from: number, width: number, sigma: number): number {
  return normalUpperTail(from / sigma) - normalUpperTail((from + width) / sigma);
}

function closePairs(events: readonly SpaceTimeEvent[], options: EtasOptions): Pairs {
  // Typed copies and typed, doubling outputs: a year of a large city's crime has tens of millions
  // of close pairs, which plain arrays of objects and numbers handle many times slower.
  const xs = Float64Array.from(events, (e) => e.x);
  const ys = Float64Array.from(events, (e) => e.y);
  const ts = Float64Array.from(events, (e) => e.t);
  const size = options.maxDistance;
  const limit2 = size * size;
  const buckets = new Map<string, number[]>();
  let pairs: Pairs = {
    parent: new Int32Array(1024),
    child: new Int32Array(1024),
    delay: new Float64Array(1024),
    distance2: new Float64Array(1024),
  };
  let count = 0;
  for (let i = 0; i < xs.length; i++) {
    const [bx, by] = [Math.floor(xs[i]! / size), Math.floor(ys[i]! / size)];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const members = buckets.get(`${bx + dx},${by + dy}`);
        if (!members) continue;
        // Members are in time order: walk back from the newest until the lag runs out.
        for (let k = members.length - 1; k >= 0; k--) {
          const j = members[k]!;
          const lag = ts[i]! - ts[j]!;
          if (lag > options.maxLagDays) break;
          const d2 = (xs[i]! - xs[j]!) ** 2 + (ys[i]! - ys[j]!) ** 2;
          if (lag <= 0 || d2 > limit2) continue;
          if (count === pairs.parent.length) pairs = grow(pairs, count * 2);
          pairs.parent[count] = j;
          pairs.child[count] = i;
          pairs.delay[count] = lag;
          pairs.distance2[count++] = d2;
        }
      }
    }
    const own = buckets.get(`${bx},${by}`);
    if (own) own.push(i);
    else buckets.set(`${bx},${by}`, [i]);
  }
  return grow(pairs, count);
}

function grow(pairs: Pairs, length: number): Pairs {
  const resize = <A extends Int32Array | Float64Array>(from: A, to: A): A => {
    to.set(from.subarray(0, Math.min(from.length, length)));
    return to;
  };
  return {
    parent: resize(pairs.parent, new Int32Array(length)),
    child: resize(pairs.child, new Int32Array(length)),
    delay: resize(pairs.delay, new Float64Array(length)),
    distance2: resize(pairs.distance2, new Float64Array(length)),
  };
}

/** The self-exciting model as a forecaster: refitted on the window before each period. */
export function etasModel(options: Partial<EtasOptions> = {}): ForecastModel {
  const settings = { ...ETAS_DEFAULTS, ...options };
  return {
    name: 'etas',
    forecast: ({ history, grid, start, horizon }: ForecastInput): Forecast => {
      const from = Math.max(start - settings.windowDays, history[0]?.t ?? start);
      const fit = fitEtas(history.slice(firstAtOrAfter(history, from)), grid, { from, end: start }, settings);
      return {
        scores: etasExpectedCounts(fit, history, grid, start, horizon, settings),
        params: {
          theta: fit.theta,
          omega: fit.omega,
          sigma: fit.sigma,
          iterations: fit.iterations,
          windowDays: settings.windowDays,
        },
      };
    },
  };
}
