// Test helpers for code that uses the network layer (a separate entry, like @angular/common/http/testing).
export { FakeNetworkClock } from './fake-network-clock';
export { FakeNetworkStatus } from './fake-network-status';
export { FakeTokenSource } from './fake-token-source';
export { networkLayerTesting, type NetworkLayerTesting } from './provide-network-layer-testing';
export { collect, settle, type Collected } from './collect';
export { provideFeatureFlagsTesting, setFlags } from './provide-feature-flags-testing';
export { MemoryStorage } from './memory-storage';
