import shared from '../../../locales/en.json' with { type: 'json' };
import type { TranslationTree } from '../translations.js';

/*
 * The English texts, as they are on disk; only `loadTranslations('en')` imports this file, so they
 * make one chunk of their own. It imports nothing at run time, so loading it cannot wait on the
 * entry chunk.
 */
export { shared };
export const features = import.meta.glob<TranslationTree>('../../../locales/*/en.json', { eager: true, import: 'default' });
