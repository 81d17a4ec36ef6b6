// lint as: src/app/features/dashboard/lint-fixture.ts
// The package's entry points.
export { AppError } from '@keel/network';
export { DECODE_REPORTER } from '@keel/network/data';
