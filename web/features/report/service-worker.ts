/**
 * Registers the service worker that keeps the app's shell for offline use (web/public/sw.js), and
 * hands it the files this page has loaded: the worker starts after they were fetched, so it
 * cannot have seen them itself, and the lazily loaded ones are not named in index.html.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const assets = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === window.location.origin && url.pathname.startsWith('/assets/'))
        .map((url) => url.pathname);
      registration.active?.postMessage({ type: 'cache-assets', assets });
    })
    .catch(() => {
      // Without a worker the pages work online as before; the offline queue still keeps reports.
    });
}
