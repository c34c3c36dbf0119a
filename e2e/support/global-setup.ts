import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserMissing } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.join(import.meta.dirname, '..', '..');

/**
 * Starts Aman as `npm start` does — embedded database, demo data — on a free port in a temporary
 * data directory, and waits for /api/v1/health. The stories talk to it over real HTTP.
 * `AMAN_E2E_BASE_URL=http://127.0.0.1:8080` runs the stories against a server already running instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (browserMissing) {
    // Every story skips itself (its title says why); no server is needed for that.
    console.warn(`End-to-end stories skipped: ${browserMissing}.`);
    project.provide('baseUrl', 'http://127.0.0.1:0');
    return async () => {};
  }
  // While writing a story, point the suite at a server already running (its data is then not reset).
  const existing = process.env.AMAN_E2E_BASE_URL;
  if (existing) {
    const health = await fetch(`${existing}/api/v1/health`).catch(() => null);
    if (!health?.ok) throw new Error(`AMAN_E2E_BASE_URL=${existing} does not answer /api/v1/health`);
    project.provide('baseUrl', existing.replace(/\/$/, ''));
    return async () => {};
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aman-e2e-'));
  const port = 18_500 + Math.floor(Math.random() * 1000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AMAN_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    AMAN_LOG_LEVEL: 'warn',
    AMAN_RATE_LIMIT_PUBLIC: '100000',
  };
  delete env.DATABASE_URL;
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/aman.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 200_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      // Vitest runs no teardown for a setup that threw: stop the server here, or it outlives the run.
      server.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error('the server did not become healthy');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  project.provide('baseUrl', baseUrl);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
