import { inject } from '@angular/core';
import type { CanMatchFn } from '@angular/router';
import { FeatureFlagsStore } from './feature-flags-store';
import type { BooleanFlagName } from './flag-registry';

/**
 * A `canMatch` guard: the route exists only while the boolean flag is on. Waits for cached or
 * loaded values (at most `FLAGS_READY_TIMEOUT_MS`, then the default decides), so a deep link
 * is not turned away before the flags are known.
 */
export function flagGuard(name: BooleanFlagName): CanMatchFn {
  return async () => {
    const store = inject(FeatureFlagsStore);
    await store.whenReady();
    return store.value(name) === true;
  };
}
