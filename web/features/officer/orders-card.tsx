import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { categoryName } from '../report/category-name.js';
import type { Orders } from './officer-api.js';

type Step = 'accept' | 'on_scene' | 'resolved';

/** The steps an officer may take next from where the assignment stands. */
export function nextSteps(status: Orders['status']): Step[] {
  switch (status) {
    case 'assigned':
      return ['accept'];
    // The server would take resolved straight from accepted, but the incident's lifecycle has no
    // en route → resolved move, so the incident would stay en route: on scene comes first.
    case 'accepted':
      return ['on_scene'];
    case 'on_scene':
      return ['resolved'];
    case 'resolved':
    case 'cancelled':
      return [];
  }
}

const PROGRESS = ['assigned', 'accepted', 'on_scene', 'resolved'] as const;

interface OrdersCardProps {
  orders: Orders;
  busy: boolean;
  onStep: (step: Step) => void;
}

/** The incident the unit is sent to: what, where, the caution flag, and the next step. */
export function OrdersCard({ orders, busy, onStep }: OrdersCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reached = PROGRESS.indexOf(orders.status as (typeof PROGRESS)[number]);
  const point = orders.location?.coordinates;
  return (
    <section className="orders-card" aria-labelledby="orders-title">
      <h2 id="orders-title" className="orders-card__title">
        {t('officer.orders.title')}
      </h2>
      {orders.caution ? (
        <p className="orders-card__caution" role="note">
          <strong>{t('officer.orders.caution')}</strong> {t('officer.orders.cautionText')}
        </p>
      ) : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('officer.orders.priority')}</dt>
          <dd>P{orders.priority}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('officer.orders.category')}</dt>
          <dd>{categoryName(orders.category, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('officer.orders.place')}</dt>
          <dd>
            {point ? (
              <a href={`geo:${point[1]},${point[0]}`}>
                {t('officer.orders.coordinates', { lat: point[1].toFixed(5), lon: point[0].toFixed(5) })}
              </a>
            ) : (
              t('officer.orders.noPlace')
            )}
          </dd>
        </div>
      </dl>
      <ol className="orders-progress" aria-label={t('officer.orders.progress')}>
        {PROGRESS.map((step, i) => (
          <li
            key={step}
            className={i <= reached ? 'orders-progress__step orders-progress__step--done' : 'orders-progress__step'}
            aria-current={i === reached ? 'step' : undefined}
          >
            {t(`officer.progress.${step}`)}
          </li>
        ))}
      </ol>
      <div className="button-group officer-steps">
        {nextSteps(orders.status).map((step, i) => (
          <button
            key={step}
            type="button"
            className={i === 0 ? 'button officer-steps__button' : 'button button--secondary officer-steps__button'}
            disabled={busy}
            onClick={() => onStep(step)}
          >
            {t(`officer.steps.${step}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
