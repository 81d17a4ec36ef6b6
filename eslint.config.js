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
 * @keel/network's entry points (projects/keel/network/entry-points.json, the one list), each a
 * folder of the library: `src/` for the main entry, `session/`, `flags/`... for the others.
 */
const { entryPoints: ENTRY_POINTS } = require('./projects/keel/network/entry-points.json');
const LIBRARY = 'projects/keel/network';
const folderOf = (specifier) => specifier.split('/')[2] ?? 'src';
const specifierOf = (folder) => ENTRY_POINTS.find((specifier) => folderOf(specifier) === folder);

/**
 * The direction between the library's entry points (DESIGN.md): each may import only the
 * entries listed for it, by package name. Checked for cycles below, so the graph stays acyclic
 * by construction; a new entry point must be added here before anything can import it.
 */
const LIB_LAYERS = {
  src: [],
  session: ['src'],
  data: ['src'],
  flags: ['src', 'session'],
  // The observer of everything: it overrides the reporter token each entry owns.
  observability: ['src', 'session', 'flags'],
  // Test helpers, for specs only: the fakes of the network layer and of the flags.
  testing: ['src', 'flags'],
};
assertAcyclic(LIB_LAYERS);
const unlisted = ENTRY_POINTS.map(folderOf).filter((folder) => !(folder in LIB_LAYERS));
if (unlisted.length) throw new Error(`LIB_LAYERS misses entry points: ${unlisted.join(', ')}`);

/** Escapes a string for a RegExp source. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Imports of @keel/network that name anything but an entry point (`@keel/network/src/x`,
 * `@keel/network/testing/collect`), or reach the library's files by path: refused everywhere.
 */
const ENTRY_ONLY = [
  {
    regex: `^@keel/network(?!(?:${ENTRY_POINTS.map((s) => literal(s.slice('@keel/network'.length))).join('|')})$)`,
    message: `Import @keel/network through its entry points only: ${ENTRY_POINTS.join(', ')}.`,
  },
  {
    regex: '(^|/)projects/keel/',
    message: 'Use @keel/network by its package name and entry points, never by path.',
  },
];
/** Production code never uses the testing entry. */
const NO_TESTING = {
  regex: `^${literal(specifierOf('testing'))}$`,
  message: 'Production code never imports @keel/network/testing: its helpers are for specs.',
};

// Angular's formatting pipes and functions bring its formatting code and English locale data,
// which the bundler put into main (it splits by file): the app formats with Intl instead.
const NO_ANGULAR_FORMATTING = {
  name: '@angular/common',
  importNames: [
    'DatePipe',
    'DecimalPipe',
    'CurrencyPipe',
    'PercentPipe',
    'KeyValuePipe',
    'I18nPluralPipe',
    'formatDate',
    'formatNumber',
    'formatCurrency',
    'formatPercent',
  ],
  message:
    'Format with src/app/shared/format.ts (Intl), not Angular\'s pipes (README "First load").',
};

/**
 * What a signed-in page's first load shows (the shell, the dashboard and the shared parts they
 * use) and the sign-in page: they draw native buttons in Material's look
 * (src/app/shared/native-controls.scss), since MatButton's code (about 17 kB brotli) was the
 * last download before the dashboard's first paint (README "First load").
 */
const FIRST_LOAD_UI = [
  'src/app/features/shell/**/*.ts',
  'src/app/features/dashboard/**/*.ts',
  'src/app/features/sign-in/**/*.ts',
  'src/app/features/version/deprecation-banner.ts',
  'src/app/shared/async-panel.ts',
  'src/app/shared/error-state.ts',
];

const NO_MAT_BUTTON = {
  name: '@angular/material/button',
  message:
    'A signed-in page\'s first load draws native buttons: @include a mixin of src/app/shared/native-controls.scss (README "First load").',
};

const UI_NO_HTTP = {
  name: '@angular/common/http',
  message: 'UI code talks to stores and repositories, never to HttpClient.',
};

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

/** The library's specs and their support files (never built into the package). */
const LIBRARY_TEST_FILES = [`${LIBRARY}/**/*.spec.ts`, `${LIBRARY}/spec-support/**`];

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
    // The app and the library it is built on (the schematic is Node code, below).
    files: ['src/**/*.ts', `${LIBRARY}/**/*.ts`],
    ignores: [`${LIBRARY}/schematics/**`],
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
    files: ['src/**/*.ts', `${LIBRARY}/**/*.ts`, ...NODE_CODE, ...CONTRACTS],
    plugins: { keel: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'keel/no-import-cycle': 'error' },
  },
  {
    // The app's layers (DESIGN.md), as dependencies between elements:
    //   features/<name>      one feature; imports @keel/network, shared, other features' index.ts
    //   features/<name>/testing  fakes and fixtures for that feature's specs
    //   shared/              UI pieces with no app state; imports @keel/network only
    //   app                  the composition root (src/app/*.ts, main.ts): imports anything
    //                        public, and lazy-loads feature pages by their file
    //   contracts            outside src/: wire types shared with the server, e2e and bench;
    //                        anything in src/ may import them, with `import type`
    //   node                 outside src/: the server, e2e, scripts, bench; never imported
    // Plus, inside a feature: only stores and repositories import repositories. The network
    // layer, the session, the flags and observability are the package @keel/network (projects/),
    // which the app imports by its entry points only (the rules after this one).
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts'] } },
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/elements': [
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
            // Packages (@angular/*, @keel/network) are not elements: the rules below say which
            // of @keel/network's entry points each file may use.
            { allow: { dependency: { relationship: { to: 'internal' } } } },
            {
              from: { element: { type: 'app' } },
              allow: [
                { to: anyFileOf('shared') },
                // The composition root wires features by their files: the router and the root
                // lazy-load pages, and app.ts needs AppUpdate alone. A feature index here would
                // pull everything it exports into the initial bundle (the version index took
                // the deprecation banner and Material with it: +86 kB of main.js, measured).
                { to: anyFileOf('feature') },
              ],
            },
            {
              from: { element: { type: 'feature' } },
              allow: [{ to: anyFileOf('shared') }, { to: entryOf('feature') }],
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
                { to: anyFileOf('shared') },
              ],
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
              // Production code never imports a feature's test helpers.
              disallow: { to: anyFileOf('feature-testing') },
              message:
                'Production code never imports a testing/ folder: those helpers are for specs.',
            },
            {
              from: { file: { categories: 'test' } },
              allow: { to: anyFileOf('feature-testing', '{{from.element.captured.name}}') },
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
    // The app uses @keel/network as any other app would: by its entry points, the testing one
    // in specs only.
    files: ['src/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [NO_ANGULAR_FORMATTING], patterns: [...ENTRY_ONLY, NO_TESTING] },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: ENTRY_ONLY }] },
  },
  // The library: each entry point imports the others by package name, in LIB_LAYERS' direction.
  ...Object.entries(LIB_LAYERS).map(([folder, uses]) => ({
    files: [`${LIBRARY}/${folder}/**/*.ts`],
    ignores: LIBRARY_TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ENTRY_ONLY,
            {
              regex: '(^|/)src/app/',
              message:
                'The library never imports the app: what it needs of the app comes in through providers and tokens.',
            },
            {
              regex: '^\\.\\./',
              message: `${specifierOf(folder)} imports the other entry points by package name, never by path (ng-packagr builds each on its own).`,
            },
            ...ENTRY_POINTS.filter(
              (specifier) => folderOf(specifier) !== folder && !uses.includes(folderOf(specifier)),
            ).map((specifier) => ({
              regex: `^${literal(specifier)}$`,
              message: `${specifierOf(folder)} may import only ${uses.length ? uses.map(specifierOf).join(', ') : 'no other entry point'} (LIB_LAYERS in eslint.config.js).`,
            })),
            ...(folder === 'src'
              ? [
                  {
                    regex: '^@keel/network$',
                    message:
                      'The main entry imports its own files by path: @keel/network is what the others import.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
  {
    // The library's specs and spec support: any entry point (the testing one included), never
    // a path into another entry's files but spec-support/'s.
    files: LIBRARY_TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: ENTRY_ONLY }] },
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
          paths: [UI_NO_HTTP, NO_ANGULAR_FORMATTING],
          // This config replaces the one above for these files: it keeps its patterns.
          patterns: [...ENTRY_ONLY, NO_TESTING],
        },
      ],
    },
  },
  {
    files: FIRST_LOAD_UI,
    ignores: ['src/app/features/**/*-repository.ts', 'src/app/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Again, this replaces the config above for these files: it keeps its rules.
          paths: [UI_NO_HTTP, NO_ANGULAR_FORMATTING, NO_MAT_BUTTON],
          patterns: [...ENTRY_ONLY, NO_TESTING],
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

/** Throws when the entry points' layer table has a cycle, naming it. */
function assertAcyclic(layers) {
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') {
      throw new Error(`LIB_LAYERS has a cycle: ${[...path, name].join(' → ')}`);
    }
    if (!(name in layers)) throw new Error(`LIB_LAYERS names an unknown entry point: ${name}`);
    state.set(name, 'open');
    for (const used of layers[name]) visit(used, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(layers)) visit(name, []);
}
