import type { ReactNode } from 'react';

/**
 * A table that may be wider than a phone: it scrolls inside this box, which keyboard users can
 * focus and scroll, and which screen readers announce by its label.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="portal-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
