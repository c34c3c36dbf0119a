import { useEffect } from 'react';
import './quick-exit.css';

/** A page anyone might be looking at over the shoulder of: the weather, nothing to do with us. */
const NEUTRAL_SITE = 'https://www.google.com/search?q=weather';

/** Two presses of Esc within this many milliseconds leave the site. */
const DOUBLE_PRESS_MS = 1000;

/**
 * Leaves at once for a neutral site. `location.replace` swaps this page's entry in the history
 * for the neutral one, so Back does not lead back here; nothing of the page stays on screen while
 * the next one loads. Cookies and earlier history entries stay: the pages say so honestly.
 */
function leaveNow(): void {
  document.body.style.visibility = 'hidden';
  window.location.replace(NEUTRAL_SITE);
}

/**
 * The quick exit of every page about domestic violence, public or staff: a button fixed where a
 * thumb reaches it, and Esc pressed twice, for someone whose abuser may walk in or look at the
 * screen. The hint is read with the button; `showHint` prints it under the label instead (citizens
 * need to learn the keys; staff pages keep the button small).
 */
export function QuickExit({ label, hint, showHint = false }: { label: string; hint: string; showHint?: boolean }) {
  useEffect(() => {
    let last = 0;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      const now = event.timeStamp;
      if (now - last <= DOUBLE_PRESS_MS) leaveNow();
      last = now;
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="quick-exit">
      <button
        type="button"
        className="quick-exit__button"
        onClick={leaveNow}
        aria-describedby={showHint ? undefined : 'quick-exit-hint'}
      >
        {label}
        {showHint ? <span className="quick-exit__hint quick-exit__hint--shown">{hint}</span> : null}
      </button>
      {showHint ? null : (
        <span id="quick-exit-hint" className="quick-exit__hint">
          {hint}
        </span>
      )}
    </div>
  );
}
