// lint as: src/app/features/dashboard/lint-fixture.spec.ts
// The testing entry.
export { FakeNetworkClock } from '@keel/network/testing';
