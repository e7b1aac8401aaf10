// ESLint flat config: TypeScript rules everywhere, and Apps Script globals allowed only in src/gas
// and src/main.ts so that core/, providers/ and app/ stay runnable in plain Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'ScriptApp',
  'UrlFetchApp',
  'Utilities',
  'HtmlService',
  'Session',
  'Logger',
  'OAuth2',
  'ContentService',
  'Browser',
];

export default tseslint.config(
  { ignores: ['build/', 'node_modules/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/gas/**', 'src/main.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...APPS_SCRIPT_GLOBALS.map((name) => ({
          name,
          message: 'Apps Script globals belong in src/gas/ (or src/main.ts); pass an adapter in.',
        })),
      ],
    },
  },
  {
    files: ['src/ui/**/*.js', 'dev/playground/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser, google: 'readonly' } },
  },
);
