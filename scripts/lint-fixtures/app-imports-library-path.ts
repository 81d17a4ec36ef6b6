// lint as: src/app/features/dashboard/lint-fixture.ts
// The library by path instead of by package name.
export { AppError } from '../../../../projects/keel/network/src/app-error';
