import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { backtestFile, type BacktestFileOptions } from './backtest-command.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// Six weeks from Monday 1 January 2024, local time: every week two burglaries at one address,
// one at an address that moves 300 m each week, a theft elsewhere, and a row without coordinates.
function csv(): string {
  const lines = ['objectid,dispatch_local,category,lon,lat'];
  let id = 0;
  for (let week = 0; week < 6; week++) {
    const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + week * 7 + d)).toISOString().slice(0, 10);
    lines.push(`${id++},${day(0)} 08:00:00,Burglary Residential,76.9000,43.2000`);
    lines.push(`${id++},${day(1)} 22:30:00,Burglary Residential,76.9000,43.2000`);
    lines.push(`${id++},${day(2)} 13:15:00,Burglary Non-Residential,${(76.91 + week * 0.0037).toFixed(4)},43.2000`);
    lines.push(`${id++},${day(3)} 10:00:00,Thefts,76.8500,43.2500`);
    lines.push(`${id++},${day(4)} 10:00:00,Burglary Residential,,`);
  }
  return lines.join('\n') + '\n';
}

describe('aman analytics backtest', () => {
  let file: string;
  const options = (extra: Partial<BacktestFileOptions> = {}): BacktestFileOptions => ({
    input: file,
    from: '2024-01-15',
    to: '2024-02-12',
    horizon: '7d',
    cell: 150,
    area: '0.10,0.5',
    category: 'Burglary Residential,Burglary Non-Residential',
    timeColumn: 'dispatch_local',
    lonColumn: 'lon',
    latColumn: 'lat',
    categoryColumn: 'category',
    ...extra,
  });

  beforeAll(() => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aman-backtest-')), 'incidents.csv.gz');
    fs.writeFileSync(file, zlib.gzipSync(csv()));
  });

  it('forecasts each week from the weeks before it and keys the metrics as the areas were written', async () => {
    const log: string[] = [];
    const report = await backtestFile(options(), (line) => log.push(line));
    expect(log[0]).toBe('read 18 rows (6 without coordinates skipped)');
    expect(report.periods).toBe(4);
    expect(report.models.map((m) => m.name)).toEqual(['etas', 'last-period', 'long-term-average', 'kde']);
    const last = report.models.find((m) => m.name === 'last-period')!;
    expect(Object.keys(last.pai)).toEqual(['0.10', '0.5']);
    // Seven study cells. The last period ranks the fixed address first (2), last week's moving
    // address next (1, but it has moved on), then five tied zeros, one of which the address has
    // moved to. 10% of the area is 0.7 of the first cell: 1.4 of 3 burglaries. Half the area is
    // 3.5 cells: the first two and 1.5 of the five tied cells, 2 + 1.5/5 of 3.
    expect(last.hitRate['0.10']).toBeCloseTo(1.4 / 3, 9);
    expect(last.hitRate['0.5']).toBeCloseTo(2.3 / 3, 9);
  });

  it('prints one JSON object on stdout and its log on stderr', async () => {
    const args = ['bin/aman.js', 'analytics', 'backtest', '--input', file, '--from', '2024-01-15', '--to', '2024-02-12'];
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
    const report = JSON.parse(stdout) as { periods: number; models: { name: string; pai: Record<string, number> }[] };
    expect(report.periods).toBe(4);
    expect(Object.keys(report.models[0]!.pai)).toEqual(['0.01', '0.05']);
    expect(stderr).toContain('read 24 rows (6 without coordinates skipped)');
  }, 60_000);
});
