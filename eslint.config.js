import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const restrict = (patterns, allowTypeImports = false) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports })) }],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', 'bench/out/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.test.ts', 'server/testing/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**'],
    rules: restrict([
      { group: ['**/server/**', '**/client/**'], message: 'shared/ is the contract: it imports neither server nor client.' },
      { group: ['node:*', 'react', 'react-dom', 'fs', 'path'], message: 'shared/ is pure: no I/O, no Node, no React.' },
    ]),
  },
  {
    files: ['client/**'],
    rules: restrict(
      [
        { group: ['**/server/**'], message: 'The client takes only types from the server (import type).' },
        { group: ['**/shared/schemas/*'], message: 'The client takes only types from the zod schemas (values are in shared/domain), so zod stays out of the bundle.' },
      ],
      true,
    ),
  },
  {
    files: ['server/**'],
    rules: restrict([{ group: ['**/client/**'], message: 'The server does not import the client.' }]),
  },
);
