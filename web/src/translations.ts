import type { Language } from '../../common/roles.js';
import en from '../../locales/en.json' with { type: 'json' };
import kk from '../../locales/kk.json' with { type: 'json' };
import ru from '../../locales/ru.json' with { type: 'json' };

export type TranslationTree = { [key: string]: string | TranslationTree };

/**
 * A feature may keep its texts in `locales/<feature>/<language>.json`; they appear under the key
 * `<feature>` (so `locales/console/en.json` gives `console.*`). Features then never edit one
 * shared file, and a missing language shows up in the translation test.
 */
const FEATURE_FILES = import.meta.glob<TranslationTree>('../../locales/*/*.json', { eager: true, import: 'default' });

function featureTexts(language: Language): TranslationTree {
  const tree: TranslationTree = {};
  for (const [path, texts] of Object.entries(FEATURE_FILES)) {
    const match = /\/locales\/([^/]+)\/([a-z]+)\.json$/.exec(path);
    if (match?.[2] === language) tree[match[1]!] = texts;
  }
  return tree;
}

function merged(base: TranslationTree, language: Language): TranslationTree {
  const features = featureTexts(language);
  for (const name of Object.keys(features)) {
    if (Object.hasOwn(base, name)) throw new Error(`locales/${name}/ clashes with the key "${name}" in locales/${language}.json`);
  }
  return { ...base, ...features };
}

/** Every interface text, by language: the shared files plus each feature's own. */
export const TRANSLATIONS: Record<Language, TranslationTree> = {
  kk: merged(kk, 'kk'),
  ru: merged(ru, 'ru'),
  en: merged(en, 'en'),
};
