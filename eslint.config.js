// @ts-check
const eslint = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');

/** Deep imports into another core/ folder: each folder's public API is its index.ts. */
const CORE_DEEP_IMPORTS = {
  group: ['**/core/*/*', '!**/core/*/index', '!**/core/*/testing'],
  message: 'Import a core/ folder through its index.ts, never its internals.',
};
/** The same from inside core/: a sibling folder is `../name`, never `../name/file`. */
const SIBLING_DEEP_IMPORTS = {
  group: ['../*/*', '!../*/index', '!../*/testing', '!../../**'],
  message: 'Import another core/ folder through its index.ts, never its internals.',
};

module.exports = defineConfig([
  {
    ignores: [
      'dist/**',
      '.angular/**',
      'coverage/**',
      'server/**',
      'bench/**',
      'e2e/**',
      'scripts/**',
    ],
  },
  {
    files: ['**/*.ts'],
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
    // The layers (DESIGN.md): core/ folders talk through their index.ts only.
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_DEEP_IMPORTS] }] },
  },
  {
    files: ['src/app/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            SIBLING_DEEP_IMPORTS,
            { group: ['**/features/**'], message: 'core/ never imports from features/.' },
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
          patterns: [CORE_DEEP_IMPORTS],
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
