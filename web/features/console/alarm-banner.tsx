import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { Link } from '../../src/router.js';
import { categoryName } from '../report/category-name.js';
import { useConsole } from './console-state.js';

/**
 * The unattended-P1 alarm: seen on every page of the console (and heard, until muted) until
 * someone takes the incident, on this console or another.
 */
export function AlarmBanner() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { alarms, isMuted, mute } = useConsole();
  return (
    <div role="alert" className="alarm-region">
      {alarms.length > 0 ? (
        <section className="alarm" aria-labelledby="alarm-title">
          <h2 id="alarm-title" className="alarm__title">
            {t('console.alarm.title', { count: alarms.length })}
          </h2>
          <ul className="alarm__list">
            {alarms.map((incident) => (
              <li key={incident.id}>
                <Link to={`/incidents/${incident.id}`} className="alarm__link">
                  {t('console.alarm.item', {
                    category: categoryName(incident.category, language),
                    source: t(`console.source.${incident.source}`, { defaultValue: incident.source }),
                  })}
                </Link>
              </li>
            ))}
          </ul>
          {isMuted ? (
            <p className="alarm__muted">{t('console.alarm.muted')}</p>
          ) : (
            <button type="button" className="button button--secondary button--small" onClick={mute}>
              {t('console.alarm.mute')}
            </button>
          )}
        </section>
      ) : null}
    </div>
  );
}
