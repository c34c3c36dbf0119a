import type { Language } from '../../../common/roles.js';
import { formatNumber } from '../../src/intl-format.js';

/** A number rounded to `digits` decimals in the reader's format. */
export function formatRounded(value: number, language: Language, digits = 1): string {
  const factor = 10 ** digits;
  return formatNumber(Math.round(value * factor) / factor, language);
}
