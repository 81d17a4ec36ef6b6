// lint as: src/app/features/dashboard/lint-fixture.spec.ts
// A spec may use the testing entry.
export { FakeNetworkClock } from '@keel/network/testing';
