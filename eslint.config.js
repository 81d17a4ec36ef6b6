// @ts-check
const eslint = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');
const globals = require('globals');
// Why eslint-plugin-boundaries and not Sheriff (@softarc/sheriff-core + its ESLint plugin):
// - Sheriff's plugin declares `eslint: ^8 || ^9` as its peer; this workspace is on ESLint 10,
//   so it would only install with --legacy-peer-deps. Boundaries accepts any ESLint >= 6.
// - Sheriff tags folders (modules with an index.ts) only. "Pages talk to stores, stores to
//   repositories" is a rule between files of one folder (`*-page.ts` → `*-repository.ts`):
//   boundaries classifies files too (`boundaries/files`) and can check inside an element.
// - Everything stays in this file, next to the rest of the lint config; Sheriff wants its own
//   sheriff.config.ts.
// Boundaries has no cycle rule; keel/no-import-cycle (scripts/eslint-rules/) does that part,
// type-only imports included, which import-x/no-cycle always skips.
const boundaries = require('eslint-plugin-boundaries');
const noImportCycle = require('./scripts/eslint-rules/no-import-cycle.cjs');

/**
 * The direction between core/ folders (DESIGN.md): each folder may import only the folders
 * listed for it, through their index.ts. Checked for cycles below, so the graph stays acyclic
 * by construction; a new core folder must be added here before anything can import it.
 */
const CORE_LAYERS = {
  http: [],
  version: [],
  auth: ['http'],
  data: ['http'],
  'feature-flags': ['http', 'auth'],
  // The observer of everything: it overrides the reporter token each folder owns.
  observability: ['http', 'auth', 'data', 'feature-flags', 'version'],
};
assertAcyclic(CORE_LAYERS);

/**
 * Files outside stores and repositories that may import a repository (a value import; types
 * from a repository file are fine everywhere). Each says why it needs no store.
 */
const REPOSITORY_USERS = [
  // Four independent read-only widgets, each an rxResource, Angular's own request state
  // (loading, error, reload), handed whole to its AsyncPanel: there is no shared state for a
  // store to hold, so it does not use withRequestState (shared/), which stores that run one
  // request at a time use.
  'src/app/features/dashboard/dashboard-page.ts',
  // The form's pickers read the customer and product lists once (rxResource); creating the
  // order itself goes through OrderCreateStore.
  'src/app/features/orders/order-create-page.ts',
  // The outbox is a store in all but name: an injectable with signals, persisted in IndexedDB.
  'src/app/features/orders/order-outbox.ts',
  // Dev-only tools for the dev API: one-shot commands and a test call, nothing to keep.
  'src/app/features/network/network-page.ts',
  'src/app/features/network/fault-controls.ts',
];

/** Test-only code: specs and the `testing/` folders. */
const TEST_FILES = ['src/**/*.spec.ts', 'src/app/**/testing/**'];

/**
 * Node code (and the bench's browser harness), linted with TypeScript-aware rules and the cycle
 * rule; angular.json's lintFilePatterns name the same folders.
 */
const NODE_CODE = [
  'server/**/*.{ts,mjs,cjs}',
  'e2e/**/*.{ts,mjs,cjs}',
  'scripts/**/*.{ts,mjs,cjs}',
  'bench/**/*.{ts,mjs,cjs}',
  // The library's `ng add` schematic runs in the CLI, in Node.
  'projects/keel/network/schematics/**/*.ts',
];

/**
 * The wire types that cross processes (contracts/, e.g. the dev API's chaos config and stats):
 * compiled by the app, the server, e2e and bench alike and loaded by none, so each side imports
 * them with `import type` and they hold nothing but types. angular.json's lintFilePatterns name
 * the folder too.
 */
const CONTRACTS = ['contracts/**/*.ts'];

/**
 * An element's public entries, by captured folder name: its index.ts, or a subfolder's
 * index.ts (a secondary entry, as `@angular/common/http` is one of `@angular/common`).
 */
const entryOf = (type, name) => ({
  element: {
    type,
    ...(name ? { captured: { name } } : {}),
    fileInternalPath: ['index.ts', '*/index.ts'],
  },
});
const anyFileOf = (type, name) => ({
  element: { type, ...(name ? { captured: { name } } : {}) },
});

module.exports = defineConfig([
  {
    ignores: [
      'dist/**',
      '.angular/**',
      'coverage/**',
      // Generated or scratch: the bench's empty app is `ng generate application` output.
      'bench/.scratch/**',
      'bench/empty-app/**',
      // Files that break the rules on purpose: scripts/lint-rules.test.ts lints them itself.
      'scripts/lint-fixtures/**',
    ],
  },
  {
    files: ['src/**/*.ts'],
    extends: [
      eslint.configs.recommended,
      tseslint.configs.recommended,
      tseslint.configs.stylistic,
      angular.configs.tsRecommended,
    ],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: ['app', 'keel'], style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'app', style: 'kebab-case' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Node code: the dev API, the e2e tests, the scripts. TypeScript-aware, not type-checked
    // (typecheck:server does that for server/).
    files: NODE_CODE,
    extends: [eslint.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      // ignoreRestSiblings: `const { setAt: _setAt, ...rest } = x` is how the tests omit a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // No runtime code and no imports (other than of a sibling contract, as types), so the
    // folder can never pull Node into the app's bundle or Angular into the server.
    files: CONTRACTS,
    extends: [eslint.configs.recommended, tseslint.configs.recommended],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Program > :not(ExportNamedDeclaration[exportKind="type"], TSInterfaceDeclaration, TSTypeAliasDeclaration, ImportDeclaration[importKind="type"][source.value=/^\\./])',
          message:
            'contracts/ holds types only (interfaces and type aliases) and imports nothing but another contract, as a type: every side compiles it, none loads it.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // No import cycles, anywhere: a cycle makes load order matter and hides which side owns
    // what. Type-only imports count too (`import type` cycles are how runtime ones start).
    files: ['src/**/*.ts', ...NODE_CODE, ...CONTRACTS],
    plugins: { keel: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'keel/no-import-cycle': 'error' },
  },
  {
    // The layers (DESIGN.md), as dependencies between elements:
    //   core/<name>          a core folder; imports the folders CORE_LAYERS lists, via index.ts
    //   core/<name>/testing  its test helpers; only tests import them, only via index.ts
    //   features/<name>      one feature; imports core, shared, and other features' index.ts
    //   features/<name>/testing  fakes and fixtures for that feature's specs
    //   shared/              UI pieces with no app state; imports core only
    //   app                  the composition root (src/app/*.ts, main.ts): imports anything
    //                        public, and lazy-loads feature pages by their file
    //   contracts            outside src/: wire types shared with the server, e2e and bench;
    //                        anything in src/ may import them, with `import type`
    //   node                 outside src/: the server, e2e, scripts, bench; never imported
    // Plus, inside a feature: only stores and repositories import repositories.
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts'] } },
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/elements': [
        {
          type: 'core-testing',
          pattern: 'src/app/core/*/testing',
          capture: ['name'],
          partialMatch: false,
        },
        { type: 'core', pattern: 'src/app/core/*', capture: ['name'], partialMatch: false },
        {
          type: 'feature-testing',
          pattern: 'src/app/features/*/testing',
          capture: ['name'],
          partialMatch: false,
        },
        { type: 'feature', pattern: 'src/app/features/*', capture: ['name'], partialMatch: false },
        { type: 'shared', pattern: 'src/app/shared', partialMatch: false },
        { type: 'contracts', pattern: 'contracts', partialMatch: false },
        {
          type: 'node',
          pattern: ['server', 'e2e', 'scripts', 'bench'],
          partialMatch: false,
        },
        // Last, so every folder above is matched first: what is left is the root.
        { type: 'app', pattern: 'src', partialMatch: false },
      ],
      'boundaries/files': [
        { category: 'test', pattern: TEST_FILES },
        { category: 'store', pattern: 'src/app/**/*-store.ts' },
        { category: 'repository', pattern: 'src/app/**/*-repository.ts' },
        { category: 'repository-user', pattern: REPOSITORY_USERS },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkInternals: true,
          message:
            '{{from.element.type}} {{from.element.captured.name}} may not import {{to.file.path}} ({{to.element.type}} {{to.element.captured.name}}): see the layers in eslint.config.js.',
          policies: [
            // Policies are read in order and the last one that matches decides; what none
            // allows is refused (`default`). Files of one element import each other freely.
            { allow: { dependency: { relationship: { to: 'internal' } } } },
            {
              from: { element: { type: 'app' } },
              allow: [
                { to: entryOf('core') },
                { to: anyFileOf('shared') },
                // The composition root wires features by their files: the router and the root
                // lazy-load pages, and app.ts needs AppUpdate alone. A feature index here would
                // pull everything it exports into the initial bundle (the version index took
                // the deprecation banner and Material with it: +86 kB of main.js, measured).
                { to: anyFileOf('feature') },
              ],
            },
            ...Object.entries(CORE_LAYERS).flatMap(([name, uses]) => [
              {
                from: { element: { type: 'core', captured: { name } } },
                disallow: { to: anyFileOf('core', `!${name}`) },
                message: `core/${name} may import only ${uses.length ? uses.map((u) => `core/${u}`).join(', ') : 'nothing else in core/'}, each through its index.ts (CORE_LAYERS in eslint.config.js).`,
              },
              {
                from: { element: { type: 'core', captured: { name } } },
                allow: uses.map((used) => ({ to: entryOf('core', used) })),
              },
            ]),
            {
              from: { element: { types: ['core', 'core-testing'] } },
              disallow: { to: anyFileOf('feature') },
              message: 'core/ never imports from features/.',
            },
            {
              // A testing entry sees its own folder's internals, and what that folder may see.
              from: { element: { type: 'core-testing' } },
              allow: [
                { to: anyFileOf('core', '{{from.element.captured.name}}') },
                { to: entryOf('core') },
                { to: entryOf('core-testing') },
              ],
            },
            {
              from: { element: { type: 'feature' } },
              allow: [
                { to: entryOf('core') },
                { to: anyFileOf('shared') },
                { to: entryOf('feature') },
              ],
            },
            {
              from: { element: { type: 'feature' } },
              disallow: {
                to: {
                  element: {
                    type: 'feature',
                    captured: { name: '!{{from.element.captured.name}}' },
                    fileInternalPath: '!index.ts',
                  },
                },
              },
              message:
                'A feature imports another feature only through its index.ts: move what both need to shared/ or export it from the feature index.',
            },
            {
              from: { element: { type: 'feature-testing' } },
              allow: [
                { to: anyFileOf('feature', '{{from.element.captured.name}}') },
                { to: entryOf('core') },
                { to: entryOf('core-testing') },
                { to: anyFileOf('shared') },
              ],
            },
            {
              from: { element: { type: 'shared' } },
              allow: { to: entryOf('core') },
            },
            {
              from: { element: { type: 'shared' } },
              disallow: { to: anyFileOf('feature') },
              message: 'shared/ holds UI pieces with no app state: it never imports a feature.',
            },
            {
              // What the app shares with the server, e2e and bench is a wire type, and it
              // exists only at compile time: contracts/, imported as a type.
              allow: { to: anyFileOf('contracts'), dependency: { kind: 'type' } },
            },
            {
              disallow: { to: anyFileOf('contracts'), dependency: { kind: 'value' } },
              message:
                'Import contracts/ with `import type`: it holds types only and is never bundled.',
            },
            {
              disallow: { to: anyFileOf('node') },
              message:
                'The app never imports the server, e2e, scripts or bench: move a shape they share to contracts/ (types only).',
            },
            {
              // Production code never imports test helpers, entry or not…
              disallow: [{ to: anyFileOf('core-testing') }, { to: anyFileOf('feature-testing') }],
              message:
                'Production code never imports a testing/ folder: those helpers are for specs.',
            },
            {
              // …and tests use a testing entry through its index.ts, never testing/<file>…
              from: { file: { categories: 'test' } },
              allow: [
                { to: entryOf('core-testing') },
                { to: anyFileOf('feature-testing', '{{from.element.captured.name}}') },
              ],
            },
            {
              from: { file: { categories: 'test' } },
              disallow: {
                to: { element: { type: 'core-testing', fileInternalPath: '!index.ts' } },
              },
              message: 'Import a testing entry through its index.ts, never testing/<file>.',
            },
            {
              // …except a core folder's own specs, which see its helpers like its other files,
              // and the testing folder's own files.
              from: { element: { types: ['core', 'core-testing'] }, file: { categories: 'test' } },
              allow: { to: anyFileOf('core-testing', '{{from.element.captured.name}}') },
            },
            {
              // Pages talk to stores, stores to repositories (DESIGN.md). Types from a
              // repository file are fine anywhere.
              disallow: {
                to: { file: { categories: 'repository' } },
                dependency: { kind: 'value' },
              },
              message:
                'Only stores and repositories use a repository: inject a store here, or add the file to REPOSITORY_USERS in eslint.config.js with the reason.',
            },
            {
              from: { file: { categories: ['store', 'repository', 'repository-user'] } },
              allow: {
                to: { file: { categories: 'repository' } },
                dependency: { relationship: { to: 'internal' } },
              },
            },
            {
              from: { file: { categories: 'test' } },
              allow: { to: { file: { categories: 'repository' } } },
            },
          ],
        },
      ],
    },
  },
  {
    // UI code (components, pages, stores) never touches HttpClient: it goes through a
    // repository (`*-repository.ts`), which turns responses into domain types.
    files: ['src/app/features/**/*.ts', 'src/app/shared/**/*.ts'],
    ignores: ['src/app/features/**/*-repository.ts', 'src/app/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@angular/common/http',
              message: 'UI code talks to stores and repositories, never to HttpClient.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
    rules: {},
  },
]);

/** Throws when the core/ layer table has a cycle, naming it. */
function assertAcyclic(layers) {
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') {
      throw new Error(`CORE_LAYERS has a cycle: ${[...path, name].join(' → ')}`);
    }
    if (!(name in layers)) throw new Error(`CORE_LAYERS names an unknown folder: ${name}`);
    state.set(name, 'open');
    for (const used of layers[name]) visit(used, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(layers)) visit(name, []);
}
