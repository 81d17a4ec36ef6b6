import type { Provider } from '@angular/core';
import { patchState } from '@ngrx/signals';
import { unprotected } from '@ngrx/signals/testing';
import { EMPTY } from 'rxjs';
import type { FeatureFlagsStore } from '../feature-flags-store';
import { FLAG_STORAGE, TAB_VISIBLE } from '../feature-flags-options';
import { writeCachedFlags } from '../flag-cache';
import type { FlagValues } from '../flag-registry';
import { MemoryStorage } from './memory-storage';

/**
 * Flags for a component test: the store starts ready with these values (the rest take their
 * defaults), reads and writes no real storage and listens to no tab. It loads nothing while
 * the session is signed out, so no HTTP providers are needed.
 */
export function provideFeatureFlagsTesting(values: Partial<FlagValues> = {}): Provider[] {
  const storage = new MemoryStorage();
  writeCachedFlags(storage, values);
  return [
    { provide: FLAG_STORAGE, useValue: storage },
    { provide: TAB_VISIBLE, useValue: EMPTY },
  ];
}

/** Flips flags in a running test, as a reload from the server would; gated UI updates live. */
export function setFlags(
  store: InstanceType<typeof FeatureFlagsStore>,
  values: Partial<FlagValues>,
): void {
  patchState(unprotected(store), { values: { ...store.values(), ...values }, source: 'server' });
}
