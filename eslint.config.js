import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// A module may use another module only through its index.ts (CONVENTIONS.md).
const otherModuleInternals = {
  regex: '^\\.\\./(?!\\.)[^/]+/(?!index\\.js$)',
  message: 'Import another module only through its index.ts.',
};
const deepModuleInternals = {
  regex: '/modules/[^/]+/(?!index\\.js$)[^/]+',
  message: 'Import a module only through its index.ts.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'dist/', 'data/', 'scratch/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['server/modules/**/*.ts'],
    ignores: ['server/modules/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherModuleInternals] }] },
  },
  {
    files: ['server/*.ts', 'server/http/**/*.ts', 'server/db/**/*.ts', 'server/test/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepModuleInternals] }] },
  },
  {
    files: ['common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '(^|/)(server|web)/', message: 'common/ imports nothing from server/ or web/.' }],
          paths: ['fs', 'path', 'crypto', 'node:fs', 'node:path', 'node:crypto', 'react'].map((name) => ({
            name,
            message: 'common/ uses no Node or DOM API.',
          })),
        },
      ],
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)server/', message: 'web/ talks to the server over HTTP only.' }] },
      ],
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: { ...globals.node } } },
);
