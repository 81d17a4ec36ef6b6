// Jasmine helper (mutation/jasmine.json) for the network layer's and the session's specs in Node: loads angular.ts,
// or, when preload.mjs already loaded it in this process (Stryker's workers), hands Jasmine
// the beforeEach/afterEach hooks @angular/core/testing registered then (it registers them
// when it loads, through the globals, which did not exist yet).
//
// tsx loads these files and the specs as CommonJS (package.json has no "type": "module") and
// turns Angular's ES modules into CommonJS as they are required, so the bootstrap must be
// CommonJS too: an ES-module one would initialise a second copy of TestBed.
type Hook = [name: 'beforeEach' | 'afterEach', fn: () => void];
const preloaded = (globalThis as { keelPreloadedHooks?: Hook[] }).keelPreloadedHooks;

if (preloaded) {
  for (const [name, fn] of preloaded) (name === 'beforeEach' ? beforeEach : afterEach)(fn);
} else {
  require('./angular');
}
