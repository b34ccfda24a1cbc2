// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const sdkImports = {
  patterns: [
    { group: ['@microsoft/*', '@azure/*', 'botbuilder*', 'adaptivecards*'], message: 'bot/domain and bot/app stay free of SDKs: use a port.' },
  ],
};

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['bot/domain/**/*.ts', 'bot/app/**/*.ts'], rules: { 'no-restricted-imports': ['error', sdkImports] } },
  { files: ['local/**/*.ts', 'bench/**/*.ts', 'manifest/**/*.ts', 'test/**/*.ts', '*.js'], rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' } },
  // Tests read JSON answers of the bot (cards, invoke bodies) whose shape the assertions check.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
