import type { TFunction } from 'i18next';
import type { Language } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';

/** A population figure in the interface language's number format, or "no data". */
export function populationText(population: number | null, language: Language, t: TFunction): string {
  if (population === null) return t('map.populationUnknown');
  return formatNumber(population, language);
}
