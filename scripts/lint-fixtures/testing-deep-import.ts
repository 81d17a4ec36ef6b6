// lint as: src/app/features/dashboard/lint-fixture.spec.ts
// Even a spec goes through the testing entry, never testing/<file>.
export { FakeNetworkClock } from '@keel/network/testing/fake-network-clock';
