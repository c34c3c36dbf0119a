import type { TFunction } from 'i18next';
import { formatNumber } from '../../src/intl-format.js';
import type { Language } from '../../src/i18n.js';
import type { Cell, MapValue, Sum } from './portal-api.js';

/** A published cell as words: the number, or "fewer than 5" / "not shown" exactly as the server marked it. */
export function cellText(cell: Cell, t: TFunction, language: Language): string {
  if (cell.suppressed === null) return formatNumber(cell.count, language);
  return cell.suppressed === 'fewer-than-5' ? t('portal.figures.fewerThan5') : t('portal.figures.withheld');
}

/** A sum of published cells: the shown total, "at least" when some cells behind it were hidden. */
export function sumText(sum: Sum, t: TFunction, language: Language): string {
  if (sum.hidden === 0) return formatNumber(sum.count, language);
  if (sum.count === 0) return t('portal.figures.hiddenOnly');
  return t('portal.figures.atLeast', { count: formatNumber(sum.count, language) });
}

export function mapValueText(value: MapValue, t: TFunction, language: Language): string {
  switch (value.label) {
    case 'count':
      return formatNumber(value.count, language);
    case 'fewer-than-5':
      return t('portal.figures.fewerThan5');
    case 'withheld':
      return t('portal.figures.withheld');
    case 'at-least':
      return value.count === 0
        ? t('portal.figures.hiddenOnly')
        : t('portal.figures.atLeast', { count: formatNumber(value.count, language) });
  }
}

/** 'YYYY-MM' as the month's name in the reader's language (our own names: browsers often lack Kazakh ones). */
export function monthName(month: string, t: TFunction): string {
  const [year, m] = month.split('-');
  return t('portal.month', { month: t(`portal.months.m${Number(m)}`), year });
}

/** A rate per 10,000 residents, to two decimals; a dash where there is none. */
export function rateText(rate: number | null, language: Language): string {
  if (rate === null) return '—';
  return formatNumber(Math.round(rate * 100) / 100, language);
}
