import { inject } from '@angular/core';
import type { CanMatchFn } from '@angular/router';
import { FeatureFlagsStore } from './feature-flags-store';
import type { BooleanFlagName } from './flag-registry';

/** A `canMatch` guard: the route exists only while the boolean flag is on. */
export function flagGuard(name: BooleanFlagName): CanMatchFn {
  return async () => {
    const store = inject(FeatureFlagsStore);
    if (!store.ready()) await store.load().catch(() => undefined);
    return store.value(name);
  };
}
