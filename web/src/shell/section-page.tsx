import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { LoadingMessage } from '../ui/loading-message.js';
import { ComingSoonPage } from './coming-soon-page.js';
import type { Section } from './sections.js';

// Each built section is its own chunk: MapLibre (~1 MB) loads only for the map.
const MapPage = lazy(async () => ({ default: (await import('../../features/geo/map-page.js')).MapPage }));
const UsersPage = lazy(async () => ({ default: (await import('../../features/admin/users-page.js')).UsersPage }));
const IncidentsSection = lazy(async () => ({
  default: (await import('../../features/console/incidents-section.js')).IncidentsSection,
}));
const DispatchPage = lazy(async () => ({ default: (await import('../../features/dispatch/dispatch-page.js')).DispatchPage }));
const GuideEditorPage = lazy(async () => ({
  default: (await import('../../features/portal/guide-editor-page.js')).GuideEditorPage,
}));

const PreventionPage = lazy(async () => ({
  default: (await import('../../features/prevention/prevention-page.js')).PreventionPage,
}));

const AnalyticsPage = lazy(async () => ({
  default: (await import('../../features/analytics/analytics-page.js')).AnalyticsPage,
}));

const BUILT_SECTIONS: Partial<Record<Section, LazyExoticComponent<ComponentType>>> = {
  analytics: AnalyticsPage,
  map: MapPage,
  admin: UsersPage,
  incidents: IncidentsSection,
  dispatch: DispatchPage,
  'portal-admin': GuideEditorPage,
  prevention: PreventionPage,
};

/** The page of a section: its own page when built, otherwise a plain "coming" notice. */
export function SectionPage({ section }: { section: Section }) {
  const Page = BUILT_SECTIONS[section];
  if (!Page) return <ComingSoonPage section={section} />;
  return (
    <Suspense fallback={<LoadingMessage />}>
      <Page />
    </Suspense>
  );
}
