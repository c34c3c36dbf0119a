// The live picture: with 500 consoles connected to the event stream, the time from a report's
// acknowledgement (its 201) to its `incident.created` event on every console; p50 and p99 over
// all report × console pairs. One server process, consoles and reporter in this process.
//
// Embedded by default; with AMAN_BENCH_DATABASE_URL (an empty PostGIS database) on PostgreSQL too.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TOTP } from 'otpauth';
import { writeResult } from './result.js';

const root = path.join(import.meta.dirname, '..');
const CONSOLES = Number(process.env.AMAN_BENCH_CONSOLES ?? 500);
const REPORTS = Number(process.env.AMAN_BENCH_REPORTS ?? 200);
const REPORTS_PER_SECOND = 20;
// The demo operator of Almaty (README): its TOTP secret is published for the demo.
const OPERATOR = { username: 'operator.almaty', password: 'aman-demo-2026', secret: 'VO2ZBQP6WYU27LP2G4PCSGMNHBYWEPXR' };

async function waitHealthy(base: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const ok = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not become healthy');
}

async function signIn(base: string): Promise<string> {
  const code = new TOTP({ secret: OPERATOR.secret }).generate();
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: OPERATOR.username, password: OPERATOR.password, code }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/** One console: records when each incident.created arrives. */
async function openConsole(base: string, cookie: string, arrivals: Map<string, number[]>, abort: AbortSignal) {
  const response = await fetch(`${base}/api/v1/live/events`, { headers: { cookie, accept: 'text/event-stream' }, signal: abort });
  if (!response.ok || !response.body) throw new Error(`console refused: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let pending = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const now = performance.now();
        pending += value;
        let end: number;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const frame = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!data || !frame.includes('event: incident.created')) continue;
          const id = (JSON.parse(data) as { incidentId: string }).incidentId;
          const list = arrivals.get(id) ?? [];
          list.push(now);
          arrivals.set(id, list);
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(name: string, databaseUrl: string | null): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aman-bench-live-'));
  const port = 18_800 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, 'bin/aman.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl ?? '',
      AMAN_DEMO: '1',
      AMAN_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      AMAN_LOG_LEVEL: 'warn',
      AMAN_RATE_LIMIT_PUBLIC: '1000000',
      AMAN_RATE_LIMIT_LOGIN: '1000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const abort = new AbortController();
  try {
    await waitHealthy(base);
    const cookie = await signIn(base);
    const arrivals = new Map<string, number[]>();
    for (let i = 0; i < CONSOLES; i++) await openConsole(base, cookie, arrivals, abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const acknowledged = new Map<string, number>();
    for (let i = 0; i < REPORTS; i++) {
      const sentAt = performance.now();
      const response = await fetch(`${base}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          category: 'other-theft',
          description: `Live bench report ${i}`,
          location: { type: 'Point', coordinates: [76.88 + (i % 97) * 0.001, 43.22 + (i % 89) * 0.0008] },
        }),
      });
      if (response.status === 201) acknowledged.set(((await response.json()) as { id: string }).id, performance.now());
      const wait = sentAt + 1000 / REPORTS_PER_SECOND - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const latencies: number[] = [];
    let missing = 0;
    for (const [id, ackAt] of acknowledged) {
      const seen = arrivals.get(id) ?? [];
      missing += CONSOLES - seen.length;
      // An event can beat the 201 to a console: that counts as no wait, not a negative one.
      for (const at of seen) latencies.push(Math.max(0, at - ackAt));
    }
    latencies.sort((a, b) => a - b);
    const kind = databaseUrl ? 'PostgreSQL' : 'embedded';
    const what = `${CONSOLES} consoles, ${acknowledged.size} reports at ${REPORTS_PER_SECOND}/s`;
    writeResult(`live-${name}-p50`, {
      metric: `report to console event p50 (${kind}, ${what})`,
      value: percentile(latencies, 50),
      unit: 'ms',
    });
    writeResult(`live-${name}-p99`, {
      metric: `report to console event p99 (${kind}, ${what})`,
      value: percentile(latencies, 99),
      unit: 'ms',
      limit: 500,
    });
    writeResult(`live-${name}-missing`, {
      metric: `events that never reached a console (${kind}, ${what})`,
      value: missing,
      unit: 'events',
      limit: 0,
    });
  } finally {
    abort.abort();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await run('embedded', null);
if (process.env.AMAN_BENCH_DATABASE_URL) await run('postgres', process.env.AMAN_BENCH_DATABASE_URL);
