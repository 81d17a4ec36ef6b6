// lint as: src/app/features/dashboard/lint-fixture.ts
// Reaching past a core/ folder's index.ts into its internals.
export { AppError } from '../../core/http/app-error';
