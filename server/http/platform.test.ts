import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.js';
import { buildTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

describe('platform routes', () => {
  it('answers health with the database state', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves OpenAPI 3.1 built from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/auth/login'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/v1/incidents/{id}'].get).toBeDefined();
  });

  it('serves the API docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('serves Prometheus metrics with request durations by route', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/plain/);
    expect(response.body).toMatch(
      /aman_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health",status="200"\} \d+/,
    );
    expect(response.body).toContain('process_cpu_seconds_total');
  });
});

describe('security headers', () => {
  it('sends a content security policy that allows only our own origin', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // It would send every script request of a plain-HTTP deployment to https and break the UI.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('admits the map tile server named by MAP_TILE_URL', async () => {
    const withTiles = await buildTestApp({ env: { MAP_TILE_URL: 'https://tiles.example.kz/{z}/{x}/{y}.png' } });
    const csp = (await withTiles.app.inject({ method: 'GET', url: '/api/v1/health' })).headers[
      'content-security-policy'
    ] as string;
    expect(csp).toMatch(/img-src[^;]*https:\/\/tiles\.example\.kz/);
    await withTiles.app.close();
  });
});

describe('the embedded database lock', () => {
  it('keeps a second process off the data directory and is taken over from a dead one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aman-lock-'));
    // A lock held by a live process (this test's parent) refuses.
    fs.writeFileSync(path.join(dir, 'aman.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    // A lock left by a process that no longer exists is taken over.
    fs.writeFileSync(path.join(dir, 'aman.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'aman.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'aman.lock'))).toBe(false);
  });
});
