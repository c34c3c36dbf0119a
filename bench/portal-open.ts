// The public portal's read endpoints under load: requests per second and p99 latency of the
// neighbourhood page's data, the crime map's figures and the police.uk-shaped open data, measured
// with autocannon from this process against a server in another process (issue: at least 1,000
// requests/s for cached monthly aggregates). Each endpoint is asked once before its run, so the
// run measures the warm cache, as a portal sees it after its first visitor of the month.
import autocannon from 'autocannon';
import { startPortalServer } from './portal-server.js';
import { writeResult } from './result.js';

const DURATION_S = Number(process.env.AMAN_BENCH_DURATION ?? 10);
const CONNECTIONS = 16;
const RATE_LIMIT = 1000;

const server = await startPortalServer('portal-open');
try {
  const { id: beat, regionId: force } = server.beat;
  const boundary = (await (await fetch(`${server.base}/api/v1/open/${force}/${beat}/boundary`)).json()) as {
    latitude: string;
    longitude: string;
  }[];
  const lats = boundary.map((p) => Number(p.latitude));
  const lngs = boundary.map((p) => Number(p.longitude));
  const beatBox = `west=${Math.min(...lngs)}&south=${Math.min(...lats)}&east=${Math.max(...lngs)}&north=${Math.max(...lats)}`;
  const centre = `lat=${(Math.min(...lats) + Math.max(...lats)) / 2}&lng=${(Math.min(...lngs) + Math.max(...lngs)) / 2}`;

  const endpoints: { name: string; what: string; path: string }[] = [
    { name: 'neighbourhood', what: 'neighbourhood page figures', path: `/api/v1/portal/neighbourhoods/${beat}` },
    {
      name: 'map-country',
      what: 'crime map, regions of the country',
      path: '/api/v1/portal/map?category=all-crime&zoom=4&west=46&south=40&east=88&north=56',
    },
    {
      name: 'map-district',
      what: 'crime map, districts around Almaty',
      path: '/api/v1/portal/map?category=burglary&zoom=8&west=75.5&south=42.5&east=78.5&north=44',
    },
    {
      name: 'map-points',
      what: 'crime map, anonymous points of a beat',
      path: `/api/v1/portal/map?category=all-crime&zoom=14&${beatBox}`,
    },
    {
      name: 'crimes-street',
      what: 'open data crimes-street, one mile around a point',
      path: `/api/v1/open/crimes-street/all-crime?${centre}`,
    },
    { name: 'open-neighbourhood', what: 'open data neighbourhood', path: `/api/v1/open/${force}/${beat}` },
  ];

  for (const endpoint of endpoints) {
    const url = `${server.base}${endpoint.path}`;
    const first = await fetch(url, { headers: { 'accept-language': 'ru' } });
    if (!first.ok) throw new Error(`${endpoint.path}: ${first.status} ${await first.text()}`);
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { 'accept-language': 'ru' },
    });
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${endpoint.path}: ${result.non2xx} answers other than 2xx and ${result.errors} errors under load`);
    }
    writeResult(`portal-open-${endpoint.name}-rate`, {
      metric: `${endpoint.what}: requests per second (${CONNECTIONS} connections, ${DURATION_S} s, warm cache)`,
      value: result['2xx'] / DURATION_S,
      unit: 'requests/s',
      limit: RATE_LIMIT,
      lowerIsBetter: false,
    });
    writeResult(`portal-open-${endpoint.name}-p99`, {
      metric: `${endpoint.what}: latency p99 under that load`,
      value: result.latency.p99,
      unit: 'ms',
    });
  }
} finally {
  await server.stop();
}
