// Loaded by each Stryker worker when it starts (testRunnerNodeArgs, after tsx): loads
// angular.ts (DOM, Angular, TestBed) before the first mutant run, so the 3-9 s this takes is
// not counted in that mutant's timeout (it was: the mutant run after each worker restart
// could time out falsely). @angular/core/testing registers its TestBed reset hooks through
// the global beforeEach/afterEach when it loads, before Jasmine exists: they are kept here
// and test-env.ts hands them to Jasmine.
import { createRequire } from 'node:module';

const hooks = [];
globalThis.beforeEach = (fn) => hooks.push(['beforeEach', fn]);
globalThis.afterEach = (fn) => hooks.push(['afterEach', fn]);
try {
  createRequire(import.meta.url)('./angular.ts');
} finally {
  delete globalThis.beforeEach;
  delete globalThis.afterEach;
}
globalThis.keelPreloadedHooks = hooks;
