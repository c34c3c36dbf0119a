import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../common/sections.js';
import { STAFF_ROLES } from '../../common/roles.js';
import { loadTranslations, type TranslationTree as Tree } from './translations.js';

// The same loader the app uses, so the chunks a browser downloads are the ones checked here.
const [kk, ru, en] = await Promise.all([loadTranslations('kk'), loadTranslations('ru'), loadTranslations('en')]);

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valuesOf(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : valuesOf(value)));
}

describe('interface translations', () => {
  const kazakh = keysOf(kk).sort();

  it('have the same keys in Kazakh, Russian and English', () => {
    expect(keysOf(ru).sort()).toEqual(kazakh);
    expect(keysOf(en).sort()).toEqual(kazakh);
  });

  it('name every section and every staff role', () => {
    for (const section of Object.keys(SECTIONS)) expect(kazakh).toContain(`sections.${section}`);
    for (const role of STAFF_ROLES) {
      expect(kazakh).toContain(`roles.${role}`);
      expect(kazakh).toContain(`roleHints.${role}`);
    }
  });

  it('write Kazakh and Russian in Cyrillic, with no empty strings', () => {
    for (const tree of [kk, ru]) {
      for (const value of valuesOf(tree)) expect(value.trim()).not.toBe('');
    }
    // Letters only Kazakh has: a sign that kk.json is not Russian under another name.
    expect(valuesOf(kk).join(' ')).toMatch(/[әғқңөұүһі]/);
    expect(valuesOf(ru).join(' ')).not.toMatch(/[әғқңөұүһі]/);
  });

  it('keep the same interpolation placeholders in every language', () => {
    const placeholders = (tree: Tree, key: string) => {
      const value = key
        .split('.')
        .reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
      return [...String(value).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    };
    for (const key of kazakh) {
      expect(placeholders(ru, key), key).toEqual(placeholders(kk, key));
      expect(placeholders(en, key), key).toEqual(placeholders(kk, key));
    }
  });
});
