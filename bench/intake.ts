// Citizen report intake: sustained accepted reports per second and p50/p99 latency, measured with
// autocannon from this process against a server in another process. The public rate limit is
// raised for the run (AMAN_RATE_LIMIT_PUBLIC), since the point is the server's own limit. Every
// report carries an Idempotency-Key, as the PWA sends it, and one request in twenty resends an
// earlier report with its key, as a phone does after a lost answer. After the run the incidents
// are counted: every acknowledged report exactly once.
//
// Embedded by default; with AMAN_BENCH_DATABASE_URL (an empty PostGIS database) on PostgreSQL too,
// followed by pgbench running the same statements, for the ratio to the database's own limit.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../server/db/connection.js';
import { REPORT_SCOPE } from '../server/modules/incidents/index.js';
import { pgbenchReportRate } from './intake-pgbench.js';
import { writeResult } from './result.js';

const root = path.join(import.meta.dirname, '..');
const DURATION_S = Number(process.env.AMAN_BENCH_DURATION ?? 20);
// Clients sending at once. At 16 the server waited on its clients (about 900 reports/s with CPU to
// spare, each request's latency being the limit); a city's phones send far more at once, and a
// server's sustained rate is measured where it is busy, with the p99 limit still checked.
const CONNECTIONS = 64;

async function waitHealthy(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    if (
      await fetch(`${base}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the server did not become healthy');
}

const RESEND_EVERY = 20;

/** Request n: a new report, or every twentieth one a resend of a report ten requests earlier. */
function request(n: number): { key: string; body: string } {
  const i = n % RESEND_EVERY === RESEND_EVERY - 1 && n >= 10 ? n - 10 : n;
  return { key: `bench-${i}`, body: body(i) };
}

function body(i: number): string {
  // Points spread over central Almaty, so geocoding sees different beats.
  const lon = 76.88 + (i % 97) * 0.001;
  const lat = 43.22 + (i % 89) * 0.0008;
  return JSON.stringify({
    category: 'other-theft',
    description: `Bench report ${i}: a bicycle taken from the yard`,
    location: { type: 'Point', coordinates: [lon, lat] },
  });
}

async function run(name: string, databaseUrl: string | null): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aman-bench-intake-'));
  const port = 18_200 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl ?? '',
    AMAN_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    AMAN_LOG_LEVEL: 'warn',
    AMAN_RATE_LIMIT_PUBLIC: '1000000',
  };
  const server = spawn(process.execPath, [path.join(root, 'bin/aman.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let counter = 0;
  const acknowledged: string[] = [];
  try {
    await waitHealthy(base, server);
    const started = new Date();
    const result = await autocannon({
      url: `${base}/api/v1/reports`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => {
            const { key, body } = request(counter++);
            return { ...req, body, headers: { ...req.headers, 'idempotency-key': key } };
          },
          onResponse: (status, responseBody) => {
            if (status === 201) acknowledged.push((JSON.parse(responseBody) as { trackingCode: string }).trackingCode);
          },
        },
      ],
    });
    const accepted = result['2xx'];
    const rate = accepted / DURATION_S;
    const kind = databaseUrl ? 'PostgreSQL' : 'embedded';
    writeResult(`intake-${name}-rate`, {
      metric: `accepted reports per second (${kind}, ${CONNECTIONS} connections, ${DURATION_S} s)`,
      value: rate,
      unit: 'reports/s',
      limit: databaseUrl ? 1500 : undefined,
      lowerIsBetter: false,
    });
    writeResult(`intake-${name}-p50`, { metric: `report latency p50 (${kind})`, value: result.latency.p50, unit: 'ms' });
    writeResult(`intake-${name}-p99`, {
      metric: `report latency p99 (${kind})`,
      value: result.latency.p99,
      unit: 'ms',
      limit: databaseUrl ? 100 : undefined,
    });
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    // Requests still in flight when the run ends may commit without their answer being read, so
    // the check is on what was acknowledged: each acknowledged code exists, and no report twice.
    const database = await openDatabase({ url: databaseUrl, dataDir });
    const codes = [...new Set(acknowledged)];
    const found = await sql<{
      n: number;
    }>`select count(*)::int n from incidents where tracking_code = any(${codes})`.execute(database.db);
    // Descriptions are sealed, so a report stored twice shows as more incidents than keys: every
    // request of the run carries a key, and a key is claimed in the statement that files it.
    const twice = await sql<{ n: number }>`
      select greatest(0,
        (select count(*) from incidents where source = 'web' and reported_at >= ${started})
        - (select count(*) from idempotency_keys where scope = ${REPORT_SCOPE} and created_at >= ${started}))::int n`.execute(
      database.db,
    );
    if (databaseUrl) await comparePgbench(database.db, databaseUrl, rate);
    await database.close();
    const missing = codes.length - (found.rows[0]?.n ?? 0);
    writeResult(`intake-${name}-integrity`, {
      metric: `acknowledged reports missing plus reports stored twice (${kind}; ${acknowledged.length} acknowledged of which ${acknowledged.length - codes.length} resends, non-2xx ${result.non2xx})`,
      value: missing + (twice.rows[0]?.n ?? 0),
      unit: 'reports',
      limit: 0,
    });
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function comparePgbench(db: Database['db'], databaseUrl: string, httpRate: number): Promise<void> {
  const place = await sql<{
    district_id: string;
    id: string;
  }>`select district_id, id from beats where district_id like '75%' limit 1`.execute(db);
  const { district_id, id } = place.rows[0]!;
  const tps = pgbenchReportRate(db, databaseUrl, district_id, id, DURATION_S, CONNECTIONS);
  writeResult('intake-postgres-pgbench', {
    metric: `pgbench, the same statement as a report (${CONNECTIONS} clients)`,
    value: tps,
    unit: 'reports/s',
  });
  writeResult('intake-postgres-share-of-pgbench', {
    metric: 'HTTP intake rate as a share of pgbench’s rate for the same statements',
    value: (100 * httpRate) / tps,
    unit: '%',
    limit: 50,
    lowerIsBetter: false,
  });
}

await run('embedded', null);
if (process.env.AMAN_BENCH_DATABASE_URL) await run('postgres', process.env.AMAN_BENCH_DATABASE_URL);
