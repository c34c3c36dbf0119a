import type { ReactNode } from 'react';

/** A wide table that scrolls inside itself on a phone instead of pushing the page sideways; focusable so a keyboard can scroll it. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="analytics-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
