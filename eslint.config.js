import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'lab/.cache', 'lab/out', 'tools/daemons/.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Only the engine module brings the generator into the page (one lazily loaded chunk); the rest of
    // the UI may import types from anywhere in the core, and values only from the small leaf tables.
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    ignores: ['src/ui/engine.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/core/index',
                '**/core/generate',
                '**/core/derive/**',
                '**/core/render/**',
                '**/core/optionAvailability',
                '**/core/plan/**',
                '**/core/import/**',
              ],
              allowTypeImports: true,
              message: 'The UI reaches the generator through src/ui/engine.ts only (type imports are fine).',
            },
          ],
        },
      ],
    },
  },
  {
    // The generator core runs unchanged in the browser, in vitest and in the CLI: no React, no DOM, no I/O.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      // Any depth: `../../../ui/x` from core/render/rtx is as wrong as `../ui/x`.
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', 'node:*', 'fs', 'path', '**/ui', '**/ui/**', '**/cli', '**/cli/**'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'fetch', 'navigator', 'process'],
    },
  },
);
