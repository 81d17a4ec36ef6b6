// lint as: projects/keel/network/flags/lint-fixture.ts
// The library's own production code using the testing entry.
export { MemoryStorage } from '@keel/network/testing';
