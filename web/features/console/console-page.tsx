import { useEffect } from 'react';
import { navigate, usePath } from '../../src/router.js';
import { AlarmBanner } from './alarm-banner.js';
import { CallTakerForm } from './call-taker-form.js';
import { ConsoleProvider } from './console-state.js';
import { IncidentDetailPage } from './incident-detail-page.js';
import { QueuePage } from './queue-page.js';
import './console.css';

const ID = /^\/incidents\/([0-9a-f-]{36})$/i;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** The operator's console: /incidents (queue), /incidents/new (a phone call), /incidents/{id}. */
export function ConsolePage() {
  const path = usePath();
  const id = ID.exec(path)?.[1] ?? null;

  // Keyboard-first: N records a new call and Q returns to the queue from anywhere but a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'n' || event.key === 'N') navigate('/incidents/new');
      else if (event.key === 'q' || event.key === 'Q') navigate('/incidents');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  let page;
  if (path === '/incidents/new') page = <CallTakerForm />;
  else if (id) page = <IncidentDetailPage key={id} id={id} />;
  else page = <QueuePage />;
  return (
    <ConsoleProvider>
      <div className="console">
        <AlarmBanner />
        {page}
      </div>
    </ConsoleProvider>
  );
}
