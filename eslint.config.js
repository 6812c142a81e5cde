// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A folder may not import the project's folders named in `forbidden` (at any depth of relative path). */
function layer(files, forbidden, message) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': ['error', { patterns: [{ group: forbidden.flatMap((f) => [`**/${f}/**`, `**/${f}`]), message }] }],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // telegraf's session and our store depend on every promise being awaited.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config.ts reads process.env.' },
      ],
    },
  },
  // The layers (style.md): data flows one way, and the linter keeps it so. Each rule names what a folder may not import.
  ...layer('src/domain/**', ['store', 'bot', 'features', 'outbox', 'messages', 'scheduler', 'sandbox', 'cli'], 'domain/ is pure: it imports nothing of the project outside domain/.'),
  ...layer('src/store/**', ['bot', 'features', 'outbox', 'messages', 'scheduler', 'sandbox', 'cli'], 'store/ sits on domain/ alone.'),
  ...layer('src/messages/**', ['store', 'outbox', 'bot', 'features', 'scheduler', 'sandbox', 'cli'], 'messages/ take plain domain types (domain/records.ts), never the store, the outbox or the bot.'),
  ...layer('src/flows/**', ['store', 'bot', 'features', 'outbox', 'scheduler', 'sandbox', 'cli', 'telegraf'], 'flows/ are pure step functions: domain and messages only, no Telegram, no store.'),
  ...layer('src/outbox/**', ['features', 'bot', 'scheduler', 'sandbox', 'cli'], 'outbox/ knows nothing of features.'),
  ...layer('src/rekap/**', ['bot', 'features', 'outbox', 'scheduler', 'sandbox', 'cli'], 'rekap/ builds files from the store and messages; it sends nothing.'),
  ...layer('src/bot/**', ['features', 'scheduler', 'sandbox', 'cli'], 'bot/ knows no feature: features/index.ts composes them and app.ts hands them to createBot.'),
  {
    // config.ts is the application's only reader; the test helper and the bench pass PATH (and their settings) to child processes.
    files: ['src/config.ts', 'tests/helpers/spawn.ts', 'bench/bot.ts', 'bench/bare-bot.ts', 'bench/soak.ts', 'bench/people.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
