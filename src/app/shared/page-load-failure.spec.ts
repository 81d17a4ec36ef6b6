import { isChunkLoadError } from './page-load-failure';

describe('isChunkLoadError', () => {
  for (const message of [
    'Failed to fetch dynamically imported module: http://localhost:4200/chunk-ABC.js',
    'error loading dynamically imported module: http://localhost/chunk-ABC.js',
    'Importing a module script failed.',
    'Loading chunk 7 failed.',
  ]) {
    it(`knows "${message}"`, () => expect(isChunkLoadError(new TypeError(message))).toBeTrue());
  }

  for (const error of [new Error('a bug'), new TypeError('x is undefined'), null, undefined, 42]) {
    it(`leaves ${String(error)} to the ErrorHandler`, () =>
      expect(isChunkLoadError(error)).toBeFalse());
  }
});
