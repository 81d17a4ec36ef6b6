// lint as: src/app/features/dashboard/lint-fixture.ts
// Reaching past @keel/network's entry points into its files.
export { AppError } from '@keel/network/src/app-error';
