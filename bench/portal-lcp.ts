// Largest Contentful Paint of the neighbourhood page and the crime map on a phone (issue: under
// 2.5 s with the demo data): Debian's Chromium driven by playwright-core, a 360×740 viewport,
// the CPU slowed 4× through the DevTools protocol. Every load is in a new browser context, so
// nothing comes from the browser's cache; the first load of each page (the server's caches cold
// too) is reported apart from the median of the loads after it. Needs the built web UI
// (`npm run build:web`), as `npm start` does.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { browserMissing, launchBrowser } from '../e2e/support/browser.js';
import { startPortalServer } from './portal-server.js';
import { writeResult } from './result.js';

const LOADS = Number(process.env.AMAN_BENCH_LCP_LOADS ?? 5);
const CPU_SLOWDOWN = 4;
const LIMIT_S = 2.5;

if (!fs.existsSync(path.join(import.meta.dirname, '..', 'web', 'dist', 'index.html'))) {
  throw new Error('web/dist is missing: run `npm run build:web` first');
}

interface Load {
  /** Largest Contentful Paint, s. */
  lcp: number;
  /** What the LCP painted. */
  element: string;
  /** When the page's own figures were painted (Element Timing, `elementtiming="portal-figures"`), s. */
  figures: number;
  /** First Contentful Paint (the page's frame, once the main script has run), s; printed only. */
  fcp: number;
}

/** One load in a fresh phone-sized context. */
async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'ru-RU',
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'load' });
    // LCP candidates keep coming while content arrives; the last one before the page goes quiet counts.
    await page.locator('[elementtiming="portal-figures"]').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    const painted = (entryType: string) =>
      page.evaluate(
        (type) =>
          new Promise<{ time: number; name: string; identifier: string; element: string }[]>((resolve) => {
            setTimeout(() => resolve([]), 5000);
            new PerformanceObserver((list, observer) => {
              observer.disconnect();
              resolve(
                list.getEntries().map((entry) => {
                  const e = entry as PerformanceEntry & { element?: Element | null; identifier?: string; renderTime?: number };
                  return {
                    time: (e.renderTime || e.startTime) / 1000,
                    name: e.name,
                    identifier: e.identifier ?? '',
                    element: e.element
                      ? `${e.element.tagName.toLowerCase()} "${(e.element.textContent ?? '').slice(0, 40)}"`
                      : '?',
                  };
                }),
              );
            }).observe({ type, buffered: true });
          }),
        entryType,
      );
    const lcp = (await painted('largest-contentful-paint')).at(-1);
    const figures = (await painted('element')).find((e) => e.identifier === 'portal-figures');
    const fcp = (await painted('paint')).find((e) => e.name === 'first-contentful-paint');
    return { lcp: lcp?.time ?? NaN, element: lcp?.element ?? '?', figures: figures?.time ?? NaN, fcp: fcp?.time ?? NaN };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function measure(): Promise<void> {
  const server = await startPortalServer('portal-lcp');
  const browser = await launchBrowser();
  try {
    const pages = [
      { name: 'neighbourhood', what: 'neighbourhood page', path: `/neighbourhoods/${server.beat.id}` },
      { name: 'crime-map', what: 'crime map', path: '/crime-map' },
    ];
    for (const page of pages) {
      const url = `${server.base}${page.path}`;
      const show = (label: string, load: Load) =>
        console.log(
          `${page.name}: ${label}: FCP ${load.fcp.toFixed(3)} s, LCP ${load.lcp.toFixed(3)} s (${load.element}), figures ${load.figures.toFixed(3)} s`,
        );
      const first = await loadOnce(browser, url);
      show('first load', first);
      const loads: Load[] = [];
      for (let i = 0; i < LOADS; i++) {
        loads.push(await loadOnce(browser, url));
        show(`load ${i + 1}`, loads.at(-1)!);
      }
      const setting = `360×740 phone viewport, CPU slowed ${CPU_SLOWDOWN}×, no browser cache`;
      writeResult(`portal-lcp-${page.name}`, {
        metric: `${page.what}: Largest Contentful Paint, median of ${LOADS} loads (${setting})`,
        value: median(loads.map((l) => l.lcp)),
        unit: 's',
        limit: LIMIT_S,
      });
      writeResult(`portal-lcp-${page.name}-figures`, {
        metric: `${page.what}: its own figures painted (Element Timing), median of ${LOADS} loads (${setting})`,
        value: median(loads.map((l) => l.figures)),
        unit: 's',
      });
      writeResult(`portal-lcp-${page.name}-first`, {
        metric: `${page.what}: Largest Contentful Paint of the first load after start (server caches cold; ${setting})`,
        value: first.lcp,
        unit: 's',
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

// Without Chromium there is nothing to measure; the other benchmarks still run.
if (browserMissing) console.warn(`portal-lcp skipped: ${browserMissing}`);
else await measure();
