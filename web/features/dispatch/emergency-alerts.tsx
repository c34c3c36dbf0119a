import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../src/intl-format.js';
import { useLanguage } from '../../src/i18n.js';
import type { UnitView } from './dispatch-api.js';

/**
 * Units whose officers pressed panic, above everything else on the board. An alert region, so a
 * screen reader interrupts to say it; the board also sounds an alarm when one appears.
 */
export function EmergencyAlerts({ units }: { units: readonly UnitView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const inEmergency = units.filter((u) => u.emergency);
  return (
    <div role="alert" className="emergency-alerts">
      {inEmergency.length > 0 ? (
        <div className="notice notice--error emergency-alerts__notice">
          <h2 className="notice__title">{t('dispatch.emergency.title', { n: inEmergency.length })}</h2>
          <ul className="emergency-alerts__list">
            {inEmergency.map((u) => (
              <li key={u.id}>
                <strong>{u.callSign}</strong> —{' '}
                {t('dispatch.emergency.since', { time: formatDateTime(u.emergencyAt ?? u.statusChangedAt, language) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
