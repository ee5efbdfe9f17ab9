// Lint: correctness rules plus the layers of DESIGN.md, which dependencies may only point down:
// content → pages/layouts → components → lib → viz → model. Formatting is Prettier's job
// (eslint-config-prettier turns off every rule that would argue with it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** Module patterns a layer must not import, with the reason the error message gives. */
const UI = ['**/components/**', '**/pages/**', '**/layouts/**', '*.svelte', '*.astro', 'svelte', 'svelte/*', '@xstate/svelte', 'astro', 'astro:*', 'astro/*'];

function layer(files, forbidden, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
    },
  };
}

export default ts.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/', '**/*.d.ts'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  ...astro.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.js', '.mjs'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs'] })],
      // Components are leaves of the import graph; cycles live in the TypeScript modules.
      'import-x/ignore': ['\\.svelte$', '\\.astro$', '^astro:'],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Layers only point down, so a cycle is always a layering mistake.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Tests mutate parsed YAML of any shape to build bad inputs; `any` is the honest type there.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  layer(
    ['src/model/**'],
    [...UI, '**/lib/**', '**/viz/**', '**/content.config*', 'd3-selection', 'node:*'],
    'src/model is the simulation: plain TypeScript and xstate that runs unchanged in Node and the browser; it imports nothing from the site, the DOM or Node (DESIGN.md, Layers).',
  ),
  layer(
    ['src/viz/**'],
    [...UI, '**/lib/**', 'd3-selection', 'node:*'],
    'src/viz is d3 math (pure functions, no DOM): it may use the model, never the site around it (DESIGN.md, Layers).',
  ),
  layer(
    ['src/lib/**'],
    ['**/components/**', '**/pages/**', '**/layouts/**', '*.svelte', '*.astro'],
    'src/lib serves components and pages; it must not import them back (DESIGN.md, Layers).',
  ),
  layer(['src/components/**'], ['**/pages/**', '**/layouts/**'], 'Components are used by pages and layouts, never the other way round (DESIGN.md, Layers).'),
  {
    // The world is the model's bookkeeping, mutated in place by the engine: islands read it through
    // the model's selectors (selectHeld, selectNextSeq, …), which say what each view may rely on.
    files: ['src/components/**', 'src/lib/sim/**', 'src/pages/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='world'][object.type='MemberExpression'][object.property.name='session']",
          message: 'Read the simulation through a selector from src/model (selectHeld, selectClock, selectNextSeq, …), not session.world.',
        },
      ],
    },
  },
  prettier,
  ...svelte.configs['flat/prettier'],
);
