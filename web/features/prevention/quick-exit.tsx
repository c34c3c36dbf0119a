import { useEffect } from 'react';
import './quick-exit.css';

/** A page anyone might be looking at over the shoulder of: the weather, nothing to do with us. */
export const NEUTRAL_SITE = 'https://www.google.com/search?q=weather';
const ESC_WINDOW_MS = 1000;

/**
 * Leaves at once for a neutral site. `location.replace` swaps the current history entry, so
 * "Back" does not return here. Cookies and earlier history entries stay: the hint next to the
 * button says so honestly.
 */
export function quickExit(url: string = NEUTRAL_SITE): void {
  document.body.style.visibility = 'hidden';
  window.location.replace(url);
}

/**
 * The quick-exit button, fixed in view on every page that shows domestic-violence matters;
 * pressing Esc twice within a second does the same. Self-contained (its own CSS, texts passed
 * in) so any feature can place it.
 */
export function QuickExit({ label, hint, url = NEUTRAL_SITE }: { label: string; hint: string; url?: string }) {
  useEffect(() => {
    let lastEscape = 0;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      const now = event.timeStamp;
      if (now - lastEscape <= ESC_WINDOW_MS) quickExit(url);
      lastEscape = now;
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [url]);

  return (
    <div className="quick-exit">
      <button type="button" className="quick-exit__button" onClick={() => quickExit(url)} aria-describedby="quick-exit-hint">
        {label}
      </button>
      <span id="quick-exit-hint" className="quick-exit__hint">
        {hint}
      </span>
    </div>
  );
}
