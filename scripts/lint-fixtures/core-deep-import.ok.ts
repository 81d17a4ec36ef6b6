// lint as: src/app/features/dashboard/lint-fixture.ts
// The folder's public entry (and a secondary entry's index.ts).
export { AppError } from '../../core/http';
export { DECODE_REPORTER } from '../../core/data/reporting';
