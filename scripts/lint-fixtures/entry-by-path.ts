// lint as: projects/keel/network/data/lint-fixture.ts
// An entry point reaching into another's files by path (ng-packagr builds each on its own).
export { AppError } from '../src/app-error';
