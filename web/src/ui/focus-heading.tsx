import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A second-level heading that takes focus when it appears, for views that replace each other
 * inside a page (list → form → result), so keyboard and screen-reader users land on the new view.
 */
export function FocusHeading({ id, children, takeFocus = true }: { id?: string; children: ReactNode; takeFocus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="focus-heading">
      {children}
    </h2>
  );
}
