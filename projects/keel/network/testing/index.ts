/**
 * Test helpers, as `@angular/common/http/testing` is for `HttpClient`: the real chain over
 * `HttpTestingController` with a fake clock and online status (`networkLayerTesting()`), and
 * feature flags for component tests.
 * @packageDocumentation
 * @module @keel/network/testing
 */
export { FakeNetworkClock } from './fake-network-clock';
export { FakeNetworkStatus } from './fake-network-status';
export { FakeTokenSource } from './fake-token-source';
export { networkLayerTesting, type NetworkLayerTesting } from './provide-network-layer-testing';
export { collect, settle, type Collected } from './collect';
export { provideFeatureFlagsTesting, setFlags } from './provide-feature-flags-testing';
export { MemoryStorage } from './memory-storage';
