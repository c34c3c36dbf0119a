import { beforeAll, describe, expect, it } from 'vitest';
import { ETAS_DEFAULTS, etasLogLikelihood, etasModel, fitEtas, type EtasFit } from './etas.js';
import { seededRandom } from './random.js';
import { REAL_DATA_FILES } from './real-data-files.js';
import { loadChicagoBurglaries } from './real-data.js';
import { countPerCell, studyGrid, type SpaceTimeEvent, type StudyGrid } from './study-grid.js';

// Chicago's residential burglaries of 2014–2015, a second real data set beside Philadelphia: with
// a two-year window the fit holds about 22,000 events, past the 20,000 at which a cold fit starts
// EM from a pilot fit of the newest 20,000.
const SETTINGS = { ...ETAS_DEFAULTS, windowDays: 730 };
const FROM = Date.UTC(2014, 0, 1) / 86_400_000;
const END = Date.UTC(2016, 0, 1) / 86_400_000;

let events: SpaceTimeEvent[];
let grid: StudyGrid;
let pilot: EtasFit;
let cold: EtasFit;
const period = { from: FROM, end: END };
const logLikelihood = (fit: EtasFit) => etasLogLikelihood(fit, events, grid, period, SETTINGS);

beforeAll(async () => {
  // The file gives dates only: each burglary gets a seeded random time of its day, as a day's
  // events at one instant would have no order and no delay between them.
  const random = seededRandom(2014);
  events = (await loadChicagoBurglaries(REAL_DATA_FILES.chicagoBurglaries))
    .filter((b) => b.day >= FROM && b.day < END)
    .map((b) => ({ x: b.x, y: b.y, t: b.day + random() }))
    .sort((a, b) => a.t - b.t);
  grid = studyGrid(events, 150);
  cold = fitEtas(events, grid, period, SETTINGS);
  const newest = events.slice(-20_000);
  pilot = fitEtas(newest, grid, { from: newest[0]!.t, end: END }, SETTINGS);
}, 120_000);

describe('the pilot start of a large ETAS fit, on two years of Chicago burglaries', () => {
  it('has more events than the pilot holds, so the forecast starts from the pilot', () => {
    expect(events.length).toBe(23_192);
  });

  it('starts the cells the pilot never saw from the cold estimate, so none is stuck at zero', () => {
    const held = countPerCell(grid, events);
    // The pilot's own background is zero wherever all events predate its 20,000: 697 such cells.
    expect(pilot.background.filter((mu, cell) => mu === 0 && held[cell]! > 0).length).toBe(697);
    // EM's update never lifts a zero; the warm start starts those cells from the cold estimate.
    const fromPilotBackground = fitEtas(events, grid, period, SETTINGS, pilot);
    expect(fromPilotBackground.background.filter((mu, cell) => mu === 0 && held[cell]! > 0).length).toBe(0);
    // Recorded: −376,638.48 against −376,638.69 cold (before, −∞ with those 697 cells at zero).
    expect(logLikelihood(fromPilotBackground)).toBeGreaterThan(logLikelihood(cold) - 1);
  });

  it('reaches the cold start’s optimum from the pilot’s parameters, as the forecast does', { timeout: 120_000 }, () => {
    const fromPilot = fitEtas(events, grid, period, SETTINGS, { ...pilot, background: null });
    // Recorded: −376,638.49 from the pilot, −376,638.69 cold; θ 0.14053 and 0.14055, σ at its 10 m floor.
    expect(logLikelihood(fromPilot)).toBeGreaterThan(logLikelihood(cold) - 1);
    expect(Math.abs(fromPilot.theta - cold.theta)).toBeLessThan(0.01 * cold.theta);
    expect(fromPilot.sigma).toBeCloseTo(cold.sigma, 6);
    const forecast = etasModel(SETTINGS).forecast({ history: events, grid, start: END, horizon: 7 });
    expect(Math.abs(forecast.params.theta! - fromPilot.theta)).toBeLessThan(1e-5 * fromPilot.theta);
  });
});
