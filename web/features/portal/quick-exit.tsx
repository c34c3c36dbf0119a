import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** A page anyone might have open in a browser tab: the weather. */
export const NEUTRAL_SITE = 'https://www.google.com/search?q=weather';

/** Two presses of Esc within this many milliseconds leave the site. */
const DOUBLE_PRESS_MS = 1000;

/**
 * Leaves at once for a neutral site. `location.replace` swaps this page's entry in the history
 * for the neutral one, so Back does not lead back here.
 */
export function leaveNow(): void {
  document.body.hidden = true; // nothing of the page stays on screen while the next one loads
  window.location.replace(NEUTRAL_SITE);
}

/**
 * The quick exit of pages about domestic violence: a button fixed on screen, and Esc pressed
 * twice. For someone whose abuser may walk in or look at the phone.
 */
export function QuickExit() {
  const { t } = useTranslation();
  useEffect(() => {
    let last = 0;
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      const now = event.timeStamp;
      if (now - last < DOUBLE_PRESS_MS) leaveNow();
      last = now;
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="quick-exit">
      <button type="button" className="quick-exit__button" onClick={leaveNow}>
        {t('portal.quickExit.button')}
        <span className="quick-exit__hint">{t('portal.quickExit.keys')}</span>
      </button>
    </div>
  );
}
