import type { TFunction } from 'i18next';
import type { Language } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import type { Figure, Rating, VisitorFigure } from './place-safety-api.js';

/** A published count as words: the number, "fewer than 5" or "withheld". */
export function figureText(figure: Figure, t: TFunction, language: Language): string {
  if (figure.label === 'count') return formatNumber(figure.count ?? 0, language);
  return figure.label === 'fewer-than-5' ? t('place-safety.fewerThan5') : t('place-safety.withheld');
}

/** The offence rate as shown: exact, only an upper limit when the total is small, or withheld. */
export function rateText(rate: Rating['incidents']['rate'], t: TFunction, language: Language): string | null {
  if (!rate) return null;
  if (rate.kind === 'hidden') return t('place-safety.rate.hidden');
  const value = formatNumber(rate.value ?? 0, language);
  return t(`place-safety.rate.${rate.kind === 'below' ? 'below-' : ''}${rate.basis}`, { value });
}

/** A place's visitor figure with its source and date, or that it has none. */
export function visitorsText(visitors: VisitorFigure | null, t: TFunction, language: Language): string {
  return visitors
    ? t('place-safety.visitors', {
        hours: formatNumber(visitors.hoursPerMonth, language),
        source: visitors.source,
        date: visitors.asOf,
      })
    : t('place-safety.noVisitors');
}
