// `npm run mutation`: StrykerJS over @keel/network's main entry, the network layer
// (projects/keel/network/src; issue 15 §2), not part of `npm test`.
// The specs run in Node under Jasmine (mutation/jasmine.json), loaded through tsx, with a
// happy-dom window and Angular's browser testing platform (mutation/test-env.ts) instead of
// Karma: one Node worker per core keeps its Angular loaded between mutants (Karma rebuilt the
// bundle for every restarted worker). Reports and the incremental file go to reports/mutation
// (gitignored); a run after a change re-tests only the mutants that change touches.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jasmine',
  jasmineConfigFile: 'mutation/jasmine.json',
  // preload.mjs loads Angular when a worker starts, outside the first mutant's timeout.
  testRunnerNodeArgs: ['--import', 'tsx', '--import', './mutation/preload.mjs'],
  coverageAnalysis: 'perTest',
  mutate: ['projects/keel/network/src/**/*.ts', '!projects/keel/network/src/**/*.spec.ts'],
  // Copy to the sandbox only what the specs load (node_modules is linked, not copied).
  ignorePatterns: ['/*', '!/projects', '!/mutation', '!/package.json', '!/tsconfig.json'],
  concurrency: 2,
  timeoutMS: 5000,
  timeoutFactor: 1.5,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: 'reports/mutation/.stryker-tmp',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
};
