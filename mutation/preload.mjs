// Loaded by each Stryker worker when it starts (testRunnerNodeArgs, after tsx): loads
// angular.ts (DOM, Angular, TestBed) before the first mutant run, so the 3-9 s this takes is
// not counted in that mutant's timeout (it was: the mutant run after each worker restart
// could time out falsely). @angular/core/testing registers its TestBed reset hooks through
// the global beforeEach/afterEach when it loads, before Jasmine exists: they are kept here
// and test-env.ts hands them to Jasmine.
import { createRequire } from 'node:module';
import { join } from 'node:path';

// A Stryker worker starts in the project and then moves into its sandbox (process.chdir), so
// tsx, which read tsconfig.json's `paths` at startup, would resolve @keel/network to the
// project's own files, not the sandbox's mutated ones: the specs that reach the layer through
// @keel/network/testing would then test unmutated code. Resolve the package's entry points
// against the directory the worker is in when the spec asks (the same rule as the paths).
const Module = createRequire(import.meta.url)('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const entry = /^@keel\/network(?:\/([a-z-]+))?$/.exec(request);
  const mapped = entry
    ? join(process.cwd(), 'projects', 'keel', 'network', entry[1] ?? 'src', 'index.ts')
    : request;
  return resolve.call(this, mapped, ...rest);
};

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
