// The server the portal benchmarks measure: `aman serve` as `npm start` runs it (embedded
// database, demo data with its published months) in a temporary data directory. The public rate
// limit is raised, as bench/intake.ts does, since the point is the server's own limit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');

export interface PortalServer {
  base: string;
  /** A beat of the demo (Almaty) with its region, for the neighbourhood page and its endpoints. */
  beat: { id: string; regionId: string };
  stop: () => Promise<void>;
}

export async function startPortalServer(name: string): Promise<PortalServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `aman-bench-${name}-`));
  const port = 18_700 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AMAN_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    AMAN_LOG_LEVEL: 'warn',
    AMAN_RATE_LIMIT_PUBLIC: '1000000',
  };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [path.join(root, 'bin/aman.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 600_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
      const ok = await fetch(`${base}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error('the server did not become healthy within 600 s');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // The beat at the centre of Almaty, found as a citizen finds theirs.
    const located = await fetch(`${base}/api/v1/portal/locate?lat=43.2567&lng=76.9286`);
    if (!located.ok) throw new Error(`locate failed: ${located.status} ${await located.text()}`);
    const { beat, region } = (await located.json()) as { beat: { id: string }; region: { id: string } };
    return { base, beat: { id: beat.id, regionId: region.id }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
