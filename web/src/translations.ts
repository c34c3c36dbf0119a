import type { Language } from '../../common/roles.js';

export type TranslationTree = { [key: string]: string | TranslationTree };

/**
 * A feature may keep its texts in `locales/<feature>/<language>.json`; they appear under the key
 * `<feature>` (so `locales/console/en.json` gives `console.*`). Features then never edit one
 * shared file, and a missing language shows up in the translation test.
 * `features` maps each of one language's `locales/<feature>/<language>.json` paths to its texts.
 */
function withFeatureTexts(base: TranslationTree, language: Language, features: Record<string, TranslationTree>): TranslationTree {
  const tree: TranslationTree = { ...base };
  for (const [path, texts] of Object.entries(features)) {
    const match = /\/locales\/([^/]+)\/([a-z]+)\.json$/.exec(path);
    if (!match || match[2] !== language) throw new Error(`${path} is not a ${language} feature text file`);
    const name = match[1]!;
    if (Object.hasOwn(base, name)) throw new Error(`locales/${name}/ clashes with the key "${name}" in locales/${language}.json`);
    tree[name] = texts;
  }
  return tree;
}

/*
 * Each language is a chunk of its own (the shared file and every feature's file together), so a
 * phone downloads only the language it shows, in one request. The paths are written out because
 * the bundler must see each dynamic import to give it its chunk.
 */
type LanguageTexts = { shared: TranslationTree; features: Record<string, TranslationTree> };

const LOADERS: Record<Language, () => Promise<LanguageTexts>> = {
  kk: () => import('./texts/kk.js'),
  ru: () => import('./texts/ru.js'),
  en: () => import('./texts/en.js'),
};

/** Every interface text of one language: the shared file plus each feature's own. */
export async function loadTranslations(language: Language): Promise<TranslationTree> {
  const { shared, features } = await LOADERS[language]();
  return withFeatureTexts(shared, language, features);
}
