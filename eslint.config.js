// Lint: typescript-eslint recommended; `console` is banned outside the CLI layer so that
// core, io and render stay pure and testable (they return data, the CLI prints it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench-cache/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['src/cli/**', 'scripts/**', 'bin/**'], rules: { 'no-console': 'off' } },
  // A product function a reader takes in at once; the tokeniser's hot loops are the longest, at 80.
  // (Tests' describe blocks are lists of cases and are not held to it.)
  { files: ['src/**'], rules: { 'max-lines-per-function': ['error', { max: 80 }] } },
  // core and render are pure: no file system, no CLI, no I/O layer (types are fine: they are contracts).
  {
    files: ['src/core/**', 'src/render/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['node:fs*', 'fs', '**/cli/**', '**/io/**'], allowTypeImports: true }] }] },
  },
);
