import { quarticDensity } from './density.js';
import { PairIndex } from './etas-pairs.js';
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
  /**
   * A pair is left out of an EM step where its Gaussian kernel is below this share of its peak
   * (beyond about 7.4σ for 10⁻¹²): it would change nothing. 0 visits every pair.
   */
  kernelTolerance: number;
}

export const ETAS_DEFAULTS: EtasOptions = {
  windowDays: 365,
  maxLagDays: 60,
  maxDistance: 500,
  iterations: 50,
  minSigma: 10,
  backgroundBandwidth: 0,
  kernelTolerance: 1e-12,
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

/** Where EM starts: a fit's parameters, with its background or (null) a fresh estimate of it. */
export type EtasStart = Pick<EtasFit, 'theta' | 'omega' | 'sigma'> & { background: Float64Array | null };

/** Fits the model to `events` (sorted by time), observed over the days [from, end); EM starts from `start` when given. */
export function fitEtas(
  events: readonly SpaceTimeEvent[],
  grid: StudyGrid,
  period: { from: number; end: number },
  options: EtasOptions,
  start?: EtasStart,
): EtasFit {
  const index = new PairIndex(options);
  index.extend(events);
  return fitWindow(() => index, events, cellsOf(events, grid), { first: 0, end: events.length }, grid, period, options, start);
}

/**
 * The log-likelihood of a fit to `events` over [from, end): Σ log λ(xᵢ, tᵢ) − ∫λ, with the
 * truncations EM works under (pairs within `maxLagDays` and `maxDistance`, the Gaussian taken
 * as whole, each event's offspring counted to `end` or its longest lag), so two fits of the same
 * events can be told apart: the better optimum is the higher value.
 */
export function etasLogLikelihood(
  fit: EtasFit,
  events: readonly SpaceTimeEvent[],
  grid: StudyGrid,
  period: { from: number; end: number },
  options: EtasOptions,
): number {
  const index = new PairIndex(options);
  index.extend(events);
  const cells = cellsOf(events, grid);
  const cellArea = grid.cellSize * grid.cellSize;
  const { theta, omega, sigma } = fit;
  const scale = theta * omega * (1 / (2 * Math.PI * sigma * sigma));
  let logSum = 0;
  for (let i = 0; i < events.length; i++) {
    let intensity = cells[i]! >= 0 ? fit.background[cells[i]!]! / cellArea : 0;
    for (let p = index.start[i]!; p < index.start[i + 1]!; p++) {
      intensity += scale * Math.exp(-omega * index.delay[p]! - index.distance2[p]! / (2 * sigma * sigma));
    }
    logSum += Math.log(intensity);
  }
  const background = fit.background.reduce((sum, mu) => sum + mu, 0) * (period.end - period.from);
  let offspring = 0;
  for (const event of events) offspring += 1 - Math.exp(-omega * Math.min(period.end - event.t, options.maxLagDays));
  return logSum - background - theta * offspring;
}

/** Each event's study cell (−1 outside), reusing those of `known` events already looked up. */
function cellsOf(events: readonly SpaceTimeEvent[], grid: StudyGrid, known: Int32Array = new Int32Array(0)): Int32Array {
  const cells = new Int32Array(events.length);
  cells.set(known);
  for (let i = known.length; i < events.length; i++) cells[i] = grid.cellOf(events[i]!.x, events[i]!.y) ?? -1;
  return cells;
}

/**
 * EM over the events [first, end) of an index: children in the window, and of their pairs only
 * those whose parent is in the window too, exactly the pairs of the window's events alone.
 * `pairsFor` gives an index of `events` holding every pair that a kernel of σ = `sigma` needs.
 */
function fitWindow(
  pairsFor: (sigma: number) => PairIndex,
  events: readonly SpaceTimeEvent[],
  cells: Int32Array,
  window: { first: number; end: number },
  grid: StudyGrid,
  period: { from: number; end: number },
  options: EtasOptions,
  warm?: EtasStart,
): EtasFit {
  const { first, end: last } = window;
  const { end } = period;
  const span = Math.max(1e-9, end - period.from);
  const cellArea = grid.cellSize * grid.cellSize;
  const inWindow = events.slice(first, last);
  const windowCells = cells.subarray(first, last);

  const background = new Float64Array(grid.size);
  let [theta, omega, sigma] = [0.2, 0.1, Math.max(options.minSigma, options.maxDistance / 5)];
  if (warm) [theta, omega, sigma] = [warm.theta, warm.omega, warm.sigma];
  estimateBackground(background, inWindow, windowCells, 0.5 / span, grid, options);
  if (warm?.background) liftWarmBackground(background, warm.background);

  // Events older than the longest lag before the end have their whole exposure in the window.
  const recent = firstAtOrAfter(inWindow, end - options.maxLagDays);
  const weights = new Float64Array(inWindow.length);
  const step: EStep = { children: 0, delays: 0, spread: 0, triggered: new Float64Array(64) };
  const data: EData = { cells, window, background, cellArea, span, weights };
  let iteration = 0;
  for (; iteration < options.iterations; iteration++) {
    const index = pairsFor(sigma);
    const kernel = { scale: theta * omega * (1 / (2 * Math.PI * sigma * sigma)), omega, spatial: 1 / (2 * sigma * sigma) };
    expectation(step, data, index, index.shellsFor(sigma, options.kernelTolerance), kernel);
    const { children, delays, spread } = step;
    estimateBackground(background, inWindow, windowCells, weights, grid, options);
    const previous = [theta, omega, sigma];
    let exposure = recent * (1 - Math.exp(-omega * options.maxLagDays));
    for (let i = recent; i < inWindow.length; i++) {
      exposure += 1 - Math.exp(-omega * Math.min(end - inWindow[i]!.t, options.maxLagDays));
    }
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
 * Starts `background` (holding the cold start's estimate) from the previous period's, except in
 * cells where that is zero. EM's update never lifts a zero: a cell whose events all came after
 * the previous window would keep no background for good, its events explained by triggering or
 * by nothing (an intensity of zero, a likelihood of −∞). Such cells start from the cold estimate.
 */
function liftWarmBackground(background: Float64Array, warm: Float64Array): void {
  for (let c = 0; c < background.length; c++) if (warm[c]! > 0) background[c] = warm[c]!;
}

interface EStep {
  /** Expected triggered events, and their delays and squared distances weighted by probability. */
  children: number;
  delays: number;
  spread: number;
  /** Scratch: one child's triggering intensities. */
  triggered: Float64Array;
}

/** What an E-step reads (and `weights`, which it writes) besides the pairs. */
interface EData {
  cells: Int32Array;
  window: { first: number; end: number };
  background: Float64Array;
  cellArea: number;
  span: number;
  weights: Float64Array;
}

/**
 * E-step and the M-step's sums child by child: its intensity, then each parent's share of it.
 * Each event's background probability per day of the window goes to `weights`. A function of
 * its own, with nothing captured, so V8 keeps the loop's values in registers.
 */
function expectation(
  step: EStep,
  data: EData,
  index: PairIndex,
  shells: number,
  kernel: { scale: number; omega: number; spatial: number },
): void {
  const { cells, window, background, cellArea, span, weights } = data;
  const { first, end: last } = window;
  const { scale, omega, spatial } = kernel;
  const { start: starts, parent: parents, delay: lags, distance2: distances2 } = index;
  let triggered = step.triggered;
  let children = 0;
  let delays = 0;
  let spread = 0;
  for (let i = first; i < last; i++) {
    const cell = cells[i]!;
    const base = cell >= 0 ? background[cell]! / cellArea : 0;
    const from = starts[i]!;
    const to = index.endOf(i, shells);
    if (to - from > triggered.length) triggered = new Float64Array(2 * (to - from));
    let intensity = base;
    for (let p = from; p < to; p++) {
      const value = parents[p]! >= first ? scale * Math.exp(-omega * lags[p]! - spatial * distances2[p]!) : 0;
      triggered[p - from] = value;
      intensity += value;
    }
    weights[i - first] = intensity > 0 ? base / intensity / span : 0;
    if (intensity <= base) continue;
    const inverse = 1 / intensity;
    for (let p = from; p < to; p++) {
      const share = triggered[p - from]! * inverse;
      children += share;
      delays += share * lags[p]!;
      spread += share * distances2[p]!;
    }
  }
  Object.assign(step, { children, delays, spread, triggered });
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
  weights: Float64Array | number,
  grid: StudyGrid,
  options: EtasOptions,
): void {
  const weight = typeof weights === 'number' ? () => weights : (i: number) => weights[i]!;
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
    for (let i = 0; i < cells.length; i++) if (cells[i]! >= 0) background[cells[i]!]! += weight(i);
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

/**
 * A cold fit of more events than this starts EM from a pilot fit of the window's newest this
 * many events. The cold start (σ = maxDistance / 5) needs every pair within maxDistance for the
 * steps σ takes to shrink: on all of Philadelphia's crime eight steps over 23 million pairs,
 * where the fitted σ of 10 m needs 1.8 million. Started from the pilot, EM stopped within 0.1% of
 * where the cold start stopped (θ 0.8091 for 0.8086), with every hit rate, PAI and PEI* the same
 * (backtest.test.ts). The pilot must be large: the likelihood has a second optimum (a wide σ and
 * a high θ), and pilots of 1,000 or 3,000 Philadelphia burglaries led EM there. EM takes the
 * pilot's θ, ω and σ and the cold start's background, which knows the older events the pilot
 * never saw: on two years of Chicago burglaries (23,192 events) both reach the cold start's
 * optimum (etas-pilot.test.ts).
 */
const PILOT_EVENTS = 20_000;

/**
 * The self-exciting model as a forecaster: refitted on the window before each period. One model
 * keeps the pairs it has found: a rolling back-test's histories only grow, so each period adds
 * the pairs of its new events instead of finding them all again. With `warmStart` (the default)
 * EM starts from the previous period's fit on the same cells and stops after a few steps instead
 * of twenty or more, and the model keeps only the pairs the kernel of the fitted σ needs (room
 * for σ to double; a wider σ searches again). EM creeps near its end, so where it stops at the
 * same tolerance depends on where it started: on the recorded data sets the parameters moved by
 * up to 0.6% and every hit rate, PAI and PEI* stayed the same (etas.test.ts, backtest.test.ts).
 */
export function etasModel(options: Partial<EtasOptions> & { warmStart?: boolean } = {}): ForecastModel {
  const settings = { ...ETAS_DEFAULTS, ...options };
  const warmStart = options.warmStart ?? true;
  let index: PairIndex | null = null;
  let cells = { grid: null as StudyGrid | null, of: new Int32Array(0) as Int32Array };
  let last: { fit: EtasFit; grid: StudyGrid } | null = null;
  const pairsFor = (history: readonly SpaceTimeEvent[]) => (sigma: number) => {
    if (!index?.covers(index.shellsFor(sigma, settings.kernelTolerance))) {
      const full = new PairIndex(settings);
      const reach = full.edgeOf(full.shellsFor(2 * sigma, settings.kernelTolerance));
      index = warmStart ? new PairIndex({ ...settings, reach }) : full;
      index.extend(history);
    }
    return index;
  };
  return {
    name: 'etas',
    forecast: ({ history, grid, start, horizon }: ForecastInput): Forecast => {
      if (index && !index.extends(history)) {
        index = null;
        cells = { grid: null, of: new Int32Array(0) };
        last = null;
      }
      index?.extend(history);
      if (cells.grid !== grid) cells = { grid, of: cellsOf(history, grid) };
      else if (cells.of.length < history.length) cells.of = cellsOf(history, grid, cells.of);
      const from = Math.max(start - settings.windowDays, history[0]?.t ?? start);
      const window = { first: firstAtOrAfter(history, from), end: history.length };
      const period = { from, end: start };
      let warm: EtasStart | undefined = warmStart && last && sameCells(last.grid, grid) ? last.fit : undefined;
      let fit: EtasFit;
      if (warm || !warmStart || window.end - window.first > PILOT_EVENTS) {
        if (!warm && warmStart) {
          const newest = history.slice(window.end - PILOT_EVENTS, window.end);
          // Only the pilot's θ, ω and σ: its background knows nothing of the events before it.
          warm = { ...fitEtas(newest, grid, { from: newest[0]!.t, end: start }, settings), background: null };
        }
        fit = fitWindow(pairsFor(history), history, cells.of, window, grid, period, settings, warm);
      } else {
        // Few events: the cold fit itself is cheap. The pairs are indexed for the next period,
        // which also tells a history that does not continue this one apart.
        fit = fitEtas(history.slice(window.first, window.end), grid, period, settings);
        pairsFor(history)(fit.sigma);
      }
      last = { fit, grid };
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

function sameCells(a: StudyGrid, b: StudyGrid): boolean {
  if (a === b) return true;
  if (
    a.size !== b.size ||
    a.cellSize !== b.cellSize ||
    a.bounds.originX !== b.bounds.originX ||
    a.bounds.originY !== b.bounds.originY
  )
    return false;
  for (let c = 0; c < a.size; c++) if (a.columns[c] !== b.columns[c] || a.rows[c] !== b.rows[c]) return false;
  return true;
}
