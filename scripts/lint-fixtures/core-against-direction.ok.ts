// lint as: src/app/core/data/lint-fixture.ts
// core/data uses core/http, which CORE_LAYERS allows.
export { AppError } from '../http';
