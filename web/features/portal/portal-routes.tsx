import { lazy, Suspense, type ReactNode } from 'react';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PortalNav } from './portal-nav.js';

// Each page is its own chunk: the crime map brings MapLibre, the guides need none of it.
const AreaPage = lazy(async () => ({ default: (await import('./area-page.js')).AreaPage }));
const NeighbourhoodPage = lazy(async () => ({ default: (await import('./neighbourhood-page.js')).NeighbourhoodPage }));
const CrimeMapPage = lazy(async () => ({ default: (await import('./crime-map-page.js')).CrimeMapPage }));
const GuidesPage = lazy(async () => ({ default: (await import('./guides-page.js')).GuidesPage }));
const GuidePage = lazy(async () => ({ default: (await import('./guide-page.js')).GuidePage }));
const ChiefReportsPage = lazy(async () => ({ default: (await import('./chief-reports-page.js')).ChiefReportsPage }));
const ChiefReportPage = lazy(async () => ({ default: (await import('./chief-report-page.js')).ChiefReportPage }));
const ChiefReportQuestionPage = lazy(async () => ({
  default: (await import('./chief-report-question-page.js')).ChiefReportQuestionPage,
}));
const NationalReportPage = lazy(async () => ({ default: (await import('./national-report-page.js')).NationalReportPage }));
const PlaceSafetyPage = lazy(async () => ({ default: (await import('./place-safety-page.js')).PlaceSafetyPage }));
const PlaceSafetyPlacePage = lazy(async () => ({
  default: (await import('./place-safety-place-page.js')).PlaceSafetyPlacePage,
}));

function segment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed escape: the server will say there is no such page
  }
}

function frame(key: string, page: ReactNode): ReactNode {
  return (
    <div className="portal-page" key={key}>
      <PortalNav />
      <Suspense fallback={<LoadingMessage />}>{page}</Suspense>
    </div>
  );
}

/**
 * The public portal's pages, open to everyone with no sign-in: `/area`, `/neighbourhoods/{beatId}`,
 * `/crime-map`, `/guides`, `/guides/{slug}`, `/chief-reports`, `/chief-reports/{id}` and
 * `/chief-reports/questions/{code}`, `/safe-places` and `/safe-places/{id}`, `/national-report`. Null for any other path.
 */
export function portalPage(path: string): ReactNode | null {
  if (path === '/area') return frame('area', <AreaPage />);
  if (path === '/crime-map') return frame('crime-map', <CrimeMapPage />);
  if (path === '/guides') return frame('guides', <GuidesPage />);
  if (path === '/chief-reports') return frame('chief-reports', <ChiefReportsPage />);
  if (path === '/safe-places') return frame('safe-places', <PlaceSafetyPage />);
  if (path === '/national-report') return frame('national-report', <NationalReportPage />);
  const safePlace = /^\/safe-places\/([^/]+)\/?$/.exec(path);
  if (safePlace) return frame(`sp-${safePlace[1]}`, <PlaceSafetyPlacePage id={segment(safePlace[1]!)} />);
  const chiefQuestion = /^\/chief-reports\/questions\/([^/]+)\/?$/.exec(path);
  if (chiefQuestion) return frame(`cq-${chiefQuestion[1]}`, <ChiefReportQuestionPage code={segment(chiefQuestion[1]!)} />);
  const chiefReport = /^\/chief-reports\/([^/]+)\/?$/.exec(path);
  if (chiefReport) return frame(`cr-${chiefReport[1]}`, <ChiefReportPage id={segment(chiefReport[1]!)} />);
  const neighbourhood = /^\/neighbourhoods\/([^/]+)\/?$/.exec(path);
  if (neighbourhood) return frame(`n-${neighbourhood[1]}`, <NeighbourhoodPage beatId={segment(neighbourhood[1]!)} />);
  const guide = /^\/guides\/([^/]+)\/?$/.exec(path);
  if (guide) return frame(`g-${guide[1]}`, <GuidePage slug={segment(guide[1]!)} />);
  return null;
}
