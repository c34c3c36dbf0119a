import { useEffect, type ReactNode } from 'react';
import { EmergencyCall } from './emergency-call.js';
import { registerServiceWorker } from './service-worker.js';

/** Every citizen page: the call for help first, then the page; installs the offline worker. */
export function CitizenFrame({ children }: { children: ReactNode }) {
  useEffect(() => registerServiceWorker(), []);
  return (
    <div className="citizen-page">
      <EmergencyCall />
      {children}
    </div>
  );
}
