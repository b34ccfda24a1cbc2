// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const sdkImports = { group: ['@microsoft/*', '@azure/*', 'botbuilder*', 'adaptivecards*'], message: 'bot/domain and bot/app stay free of SDKs: use a port.' };

/**
 * Layers (issue 11): bot/domain imports nothing of ours outside bot/domain; bot/app imports only
 * bot/domain and bot/app. `no-restricted-imports` sees the import as written, so there is one
 * entry per folder depth: a file `depth` folders below its layer leaves it with `depth + 1` × `../`,
 * and what follows must be one of the allowed layers.
 */
function layerRules(layer, allowed, message) {
  return [0, 1, 2, 3, 4, 5].map((depth) => ({
    files: [`bot/${layer}/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [sdkImports, { regex: `^(\\.\\./){${depth + 1}}(?!(${allowed.join('|')})/)`, message }] },
      ],
    },
  }));
}

/** Adapters (bot/teams, functions/) parse, call a use case and render: no repository modules, no repositories. */
const adapterRules = {
  files: ['bot/teams/**/*.ts', 'functions/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: '^(\\.\\.?/)+(bot/)?storage/', message: 'Adapters do not use storage: call a use case in bot/app.' }] },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: 'MemberExpression[property.name=/^(repos|repositories)$/]', message: 'Adapters do not read or write repositories: call a use case in bot/app that decides access and returns what the view needs.' },
    ],
  },
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
  ...layerRules('domain', ['domain'], 'bot/domain is the bottom layer: it imports nothing of ours outside bot/domain (move the type or rule down).'),
  ...layerRules('app', ['domain', 'app'], 'bot/app imports only bot/domain and bot/app: adapters, cards, storage and clients sit above it behind ports.'),
  adapterRules,
  { files: ['local/**/*.ts', 'bench/**/*.ts', 'manifest/**/*.ts', 'test/**/*.ts', '*.js'], rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' } },
  // Tests read JSON answers of the bot (cards, invoke bodies) whose shape the assertions check.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
