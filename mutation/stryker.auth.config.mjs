// The same StrykerJS setup as stryker.config.mjs (Node, Jasmine, tsx, happy-dom, Angular's
// testing platform), over @keel/network/session (projects/keel/network/session) and its specs (mutation/jasmine.auth.json), with
// its own incremental file and reports so the two runs never overwrite each other.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  jasmineConfigFile: 'mutation/jasmine.auth.json',
  mutate: ['projects/keel/network/session/**/*.ts', '!projects/keel/network/session/**/*.spec.ts'],
  incrementalFile: 'reports/mutation/auth-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/auth.html' },
  jsonReporter: { fileName: 'reports/mutation/auth.json' },
};
