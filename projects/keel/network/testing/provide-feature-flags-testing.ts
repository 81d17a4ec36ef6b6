import type { Provider } from '@angular/core';
import { patchState } from '@ngrx/signals';
import { unprotected } from '@ngrx/signals/testing';
import { EMPTY } from 'rxjs';
import {
  FLAG_DEFINITIONS,
  FLAG_STORAGE,
  type FeatureFlagsStore,
  type FlagDefinitions,
  type FlagValues,
  TAB_VISIBLE,
  ɵwriteCachedFlags as writeCachedFlags,
} from '@keel/network/flags';
import { MemoryStorage } from './memory-storage';

/**
 * Flags for a component test: the app's `flags` (as given to `provideFeatureFlags`), and the
 * store starts ready with these values (the rest take their defaults), reads and writes no real
 * storage and listens to no tab. It loads nothing while the session is signed out, so no HTTP
 * providers are needed.
 */
export function provideFeatureFlagsTesting(
  flags: FlagDefinitions,
  values: Partial<FlagValues> = {},
): Provider[] {
  const storage = new MemoryStorage();
  writeCachedFlags(storage, values);
  return [
    { provide: FLAG_DEFINITIONS, useValue: flags },
    { provide: FLAG_STORAGE, useValue: storage },
    { provide: TAB_VISIBLE, useValue: EMPTY },
  ];
}

/** Flips flags in a running test, as a reload from the server would; gated UI updates live. */
export function setFlags(
  store: InstanceType<typeof FeatureFlagsStore>,
  values: Partial<FlagValues>,
): void {
  const all = { ...store.values(), ...values } as FlagValues;
  patchState(unprotected(store), { values: all, source: 'server' });
}
