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
const PortalAdminSection = lazy(async () => ({
  default: (await import('../../features/portal/portal-admin-section.js')).PortalAdminSection,
}));

const PreventionPage = lazy(async () => ({
  default: (await import('../../features/prevention/prevention-page.js')).PreventionPage,
}));

const AnalyticsPage = lazy(async () => ({
  default: (await import('../../features/analytics/analytics-page.js')).AnalyticsPage,
}));

const ChannelsPage = lazy(async () => ({
  default: (await import('../../features/channels/channels-page.js')).ChannelsPage,
}));

const BUILT_SECTIONS: Partial<Record<Section, LazyExoticComponent<ComponentType>>> = {
  channels: ChannelsPage,
  analytics: AnalyticsPage,
  map: MapPage,
  admin: UsersPage,
  incidents: IncidentsSection,
  dispatch: DispatchPage,
  'portal-admin': PortalAdminSection,
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
