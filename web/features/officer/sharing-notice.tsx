import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../src/intl-format.js';
import { useLanguage } from '../../src/i18n.js';
import type { SharingState } from './use-position-sharing.js';

/** Says whether the phone's position reaches the control centre, and why not when it does not. */
export function SharingNotice({ state }: { state: SharingState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = (() => {
    switch (state.kind) {
      case 'off':
        return t('officer.sharing.off');
      case 'waiting':
        return t('officer.sharing.waiting');
      case 'sharing':
        return t('officer.sharing.on', { time: formatDateTime(new Date(state.lastSentAt).toISOString(), language) });
      case 'denied':
        return t('officer.sharing.denied');
      case 'unavailable':
        return t('officer.sharing.unavailable');
      case 'failed':
        return t('officer.sharing.failed');
    }
  })();
  const warn = state.kind === 'denied' || state.kind === 'unavailable' || state.kind === 'failed';
  return (
    <p className={warn ? 'notice notice--warning officer-sharing' : 'officer-sharing'} data-sharing={state.kind}>
      {text}
    </p>
  );
}
