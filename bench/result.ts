import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchResult {
  date: string;
  machine: string;
  metric: string;
  value: number;
  unit: string;
  limit: number | null;
  met: boolean | null;
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Writes bench/results/<name>.json and prints a one-line summary. */
export function writeResult(
  name: string,
  r: { metric: string; value: number; unit: string; limit?: number; lowerIsBetter?: boolean },
): BenchResult {
  const limit = r.limit ?? null;
  const met = limit === null ? null : (r.lowerIsBetter ?? true) ? r.value <= limit : r.value >= limit;
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: machine(),
    metric: r.metric,
    value: Math.round(r.value * 1000) / 1000,
    unit: r.unit,
    limit,
    met,
  };
  const dir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  console.log(
    `${name}: ${result.metric} = ${result.value} ${result.unit}${limit === null ? '' : ` (limit ${limit}, ${met ? 'met' : 'NOT met'})`}`,
  );
  return result;
}
