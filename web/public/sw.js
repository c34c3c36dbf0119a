/* global self, caches */
/*
 * Aman's service worker: keeps the app's shell so the citizen's report form opens without a
 * network (the report itself then waits in the page's encrypted queue). Hand-written and small:
 * - pages: network first, the cached index.html when offline;
 * - /assets/*: content-hashed by the build, so cache first;
 * - a few GET API answers the form and its map need: network first, the cached answer offline;
 * - everything else (every POST, every other API call) goes to the network untouched.
 */
const SHELL = 'aman-shell-v1';
const ASSETS = 'aman-assets-v1';
const API = 'aman-api-v1';
// Region boundaries only: beat boundaries are large and the report map never asks for them.
const CACHED_API = ['/api/v1/report-categories', '/api/v1/client-config', '/api/v1/geo/boundaries'];

/** The files index.html loads (entry script, styles, preloads): what the shell needs to start. */
function assetsIn(html) {
  return [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]))];
}

/**
 * The interface texts are a lazy chunk per language (web/src/texts/), which the entry script
 * imports by name. They are kept at install: a page started offline needs its language, and the
 * page may go offline before it has told this worker what it loaded.
 */
function languageChunksIn(script) {
  return [...new Set([...script.matchAll(/import\("\.\/((?:kk|ru|en)-[\w-]+\.js)"\)/g)].map((match) => `/assets/${match[1]}`))];
}

async function cacheShell() {
  const response = await fetch('/index.html', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const shell = await caches.open(SHELL);
  const previous = await shell.match('/index.html');
  // A new build names new files: the old ones go, so the cache does not grow with every release.
  if (previous && (await previous.text()) !== html) await caches.delete(ASSETS);
  await shell.put('/index.html', response);
  const assets = await caches.open(ASSETS);
  const files = assetsIn(html);
  await assets.addAll(files);
  for (const file of files.filter((path) => path.endsWith('.js'))) {
    const script = await assets.match(file);
    if (script) await assets.addAll(languageChunksIn(await script.text()));
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  const current = [SHELL, ASSETS, API];
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => !current.includes(name)).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The page names the files it loaded before this worker was running (lazy chunks among them).
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache-assets' || !Array.isArray(event.data.assets)) return;
  const wanted = event.data.assets.filter((path) => typeof path === 'string' && path.startsWith('/assets/'));
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) =>
        Promise.all(wanted.map(async (path) => ((await cache.match(path)) ? undefined : cache.add(path).catch(() => undefined)))),
      ),
  );
});

async function pageFromNetwork(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) {
      const shell = await caches.open(SHELL);
      await shell.put('/index.html', response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match('/index.html', { cacheName: SHELL });
    if (cached) return cached;
    throw error;
  }
}

async function assetFromCache(request) {
  const cached = await caches.match(request, { cacheName: ASSETS });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const assets = await caches.open(ASSETS);
    await assets.put(request, response.clone());
  }
  return response;
}

async function apiFromNetwork(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const api = await caches.open(API);
      await api.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: API });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (/^\/(api|open311|metrics)(\/|$)/.test(url.pathname)) return;
    event.respondWith(pageFromNetwork(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(assetFromCache(request));
  } else if (CACHED_API.includes(url.pathname) && url.searchParams.get('level') !== 'beat') {
    event.respondWith(apiFromNetwork(request));
  }
});
