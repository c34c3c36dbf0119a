import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import type { Method } from './place-safety-api.js';

/** The method in plain words, with the weights and numbers the server actually uses. */
export function PlaceSafetyMethod({ method }: { method: Method }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="place-method" aria-labelledby="place-method-heading">
      <h2 id="place-method-heading">{t('place-safety.methodHeading')}</h2>
      <p>{t('place-safety.method.incidents', { months: method.months, minPeers: method.minPeers })}</p>
      <p>{t('place-safety.method.privacy')}</p>
      <p>
        {t('place-safety.method.reviews', {
          prior: method.priorReviews,
          priorStars: formatNumber(method.priorStars, language),
        })}
      </p>
      <p>
        {t('place-safety.method.grade', {
          incidents: Math.round(method.weights.incidents * 100),
          reviews: Math.round(method.weights.reviews * 100),
        })}
      </p>
    </section>
  );
}
