import type { ReactNode } from 'react';
import { CitizenFrame } from './citizen-frame.js';
import { ReportPage } from './report-page.js';
import { TrackPage } from './track-page.js';

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape: the server will say there is no such report
  }
}

/**
 * The citizen's pages, open to everyone whether signed in or not, and whether the server answers
 * or not (the offline queue): `/report`, `/track` and `/track/{code}`. Null for any other path.
 */
export function citizenPage(path: string): ReactNode | null {
  if (path === '/report')
    return (
      <CitizenFrame key="report">
        <ReportPage />
      </CitizenFrame>
    );
  const track = /^\/track(?:\/([^/]+))?\/?$/.exec(path);
  if (!track) return null;
  const code = track[1] ? safeDecode(track[1]) : null;
  return (
    <CitizenFrame key="track">
      <TrackPage code={code} />
    </CitizenFrame>
  );
}
