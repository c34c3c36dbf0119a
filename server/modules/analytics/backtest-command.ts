import type { Command } from 'commander';
import { rollingBacktest, type ModelEvaluation } from './backtest.js';
import { readCsv } from './csv.js';
import { etasModel } from './etas.js';
import { kernelDensityModel, lastPeriodModel, longTermAverageModel } from './forecast.js';
import { projectUtm, utmZone } from './projection.js';
import type { SpaceTimeEvent } from './study-grid.js';

export interface BacktestFileOptions {
  input: string;
  from: string;
  to: string;
  /** "7d" or "12h". */
  horizon: string;
  /** Cell side in metres. */
  cell: number;
  /** Shares of area as written, comma-separated: the output keys keep this spelling. */
  area: string;
  /** Comma-separated values of the category column to keep; all rows when absent. */
  category?: string;
  timeColumn: string;
  lonColumn: string;
  latColumn: string;
  categoryColumn: string;
}

export interface BacktestReport {
  periods: number;
  models: ModelEvaluation[];
}

const DAY_MS = 86_400_000;

/**
 * Local wall-clock time as days on a naive clock: periods then start at local midnight, whatever
 * the zone, and no time-zone table is needed.
 */
function localDays(value: string): number {
  const text = value.trim().replace(' ', 'T');
  const days = Date.parse(`${text.length === 10 ? `${text}T00:00:00` : text}Z`) / DAY_MS;
  if (!Number.isFinite(days)) throw new RangeError(`not a local time: ${value}`);
  return days;
}

function horizonDays(value: string): number {
  const match = /^(\d+(?:\.\d+)?)([dh])$/.exec(value.trim());
  if (!match) throw new RangeError(`horizon must look like 7d or 12h, not ${value}`);
  return Number(match[1]) / (match[2] === 'h' ? 24 : 1);
}

/**
 * The command-line back-test of issue 6: reads a CSV of incidents, forecasts each period in
 * [from, to) from the rows before it only, and reports each model's mean PAI, hit rate and PEI*.
 * Baseline windows and bandwidths follow a fixed rule (a year; a bandwidth of two cells), so
 * nothing is tuned on the evaluation period.
 */
export async function backtestFile(options: BacktestFileOptions, log: (line: string) => void): Promise<BacktestReport> {
  const wanted = options.category ? new Set(options.category.split(',').map((c) => c.trim())) : null;
  const rows: { lon: number; lat: number; t: number }[] = [];
  let skipped = 0;
  for await (const row of readCsv(options.input)) {
    if (wanted && !wanted.has(row[options.categoryColumn] ?? '')) continue;
    const lon = Number.parseFloat(row[options.lonColumn] ?? '');
    const lat = Number.parseFloat(row[options.latColumn] ?? '');
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      skipped++;
      continue;
    }
    rows.push({ lon, lat, t: localDays(row[options.timeColumn] ?? '') });
  }
  log(`read ${rows.length} rows (${skipped} without coordinates skipped)`);
  const zone = utmZone(rows.reduce((sum, r) => sum + r.lon, 0) / Math.max(1, rows.length));
  const events: SpaceTimeEvent[] = rows.map((r) => ({ ...projectUtm(r.lon, r.lat, zone), t: r.t }));
  const written = options.area.split(',').map((a) => a.trim());
  const shares = written.map(Number);
  if (shares.some((s) => !(s > 0 && s <= 1))) throw new RangeError(`area shares must be in (0, 1]: ${options.area}`);
  const result = rollingBacktest(events, {
    from: localDays(options.from),
    to: localDays(options.to),
    horizon: horizonDays(options.horizon),
    cellSize: options.cell,
    shares,
    models: [
      etasModel(),
      lastPeriodModel(),
      longTermAverageModel(365),
      kernelDensityModel({ windowDays: 365, bandwidth: 2 * options.cell }),
    ],
  });
  log(`${result.periods} periods over ${result.cells} cells of ${options.cell} m (UTM zone ${zone})`);
  const asWritten = (metric: Record<string, number>) =>
    Object.fromEntries(written.map((key, i) => [key, metric[String(shares[i])]!]));
  return {
    periods: result.periods,
    models: result.models.map((m) => ({
      ...m,
      pai: asWritten(m.pai),
      hitRate: asWritten(m.hitRate),
      peiStar: asWritten(m.peiStar),
    })),
  };
}

/** `aman analytics backtest`: one JSON object on stdout, everything else on stderr. */
export function registerAnalyticsCommands(program: Command): void {
  program
    .command('analytics')
    .description('analysis on files, without a database')
    .command('backtest')
    .description('rolling back-test of the forecast models on a CSV of incidents; prints JSON')
    .requiredOption('--input <file>', 'CSV, optionally .gz')
    .requiredOption('--from <date>', 'first period starts (local date, YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last period ends by (local date)')
    .option('--horizon <period>', 'period length, e.g. 7d or 12h', '7d')
    .option('--cell <metres>', 'square cell side in metres', (v) => Number(v), 150)
    .option('--area <shares>', 'shares of area flagged, comma-separated', '0.01,0.05')
    .option('--category <names>', 'values of the category column to keep, comma-separated')
    .option('--time-column <name>', 'local time column', 'dispatch_local')
    .option('--lon-column <name>', 'longitude column', 'lon')
    .option('--lat-column <name>', 'latitude column', 'lat')
    .option('--category-column <name>', 'category column', 'category')
    .action(async (options: BacktestFileOptions) => {
      try {
        const report = await backtestFile(options, (line) => console.error(`analytics backtest: ${line}`));
        process.stdout.write(`${JSON.stringify(report)}\n`);
      } catch (error) {
        console.error(`analytics backtest: ${(error as Error).message}`);
        process.exitCode = 2;
      }
    });
}
