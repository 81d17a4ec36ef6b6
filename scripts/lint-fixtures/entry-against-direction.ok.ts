// lint as: projects/keel/network/data/lint-fixture.ts
// @keel/network/data uses the main entry, which LIB_LAYERS allows.
export { AppError } from '@keel/network';
