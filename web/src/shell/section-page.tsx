import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { LoadingMessage } from '../ui/loading-message.js';
import { ComingSoonPage } from './coming-soon-page.js';
import type { Section } from './sections.js';

// Each built section is its own chunk: MapLibre (~1 MB) loads only for the map.
const MapPage = lazy(async () => ({ default: (await import('../../features/geo/map-page.js')).MapPage }));
const UsersPage = lazy(async () => ({ default: (await import('../../features/admin/users-page.js')).UsersPage }));

const BUILT_SECTIONS: Partial<Record<Section, LazyExoticComponent<ComponentType>>> = {
  map: MapPage,
  admin: UsersPage,
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
