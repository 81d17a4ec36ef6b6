// lint as: src/app/features/dashboard/lint-fixture.ts
// Production code using a test helper.
export { FakeNetworkClock } from '@keel/network/testing';
