import { categoryByCode } from '../../../common/categories.js';
import type { Language } from '../../src/i18n.js';

/** A category's name from the shared catalogue, so it shows offline too; the code if unknown. */
export function categoryName(code: string, language: Language): string {
  return categoryByCode(code)?.names[language] ?? code;
}
