// Test helpers for code gated by feature flags (a separate entry, like core/http/testing).
export { provideFeatureFlagsTesting, setFlags } from './provide-feature-flags-testing';
export { MemoryStorage } from './memory-storage';
