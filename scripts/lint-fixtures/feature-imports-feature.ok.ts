// lint as: src/app/features/shell/lint-fixture.ts
// The same through the feature's public entry.
export { DeprecationBanner } from '../version';
