// lint as: src/app/features/shell/lint-fixture.ts
// A feature reaching into another feature's files.
export { DeprecationBanner } from '../version/deprecation-banner';
