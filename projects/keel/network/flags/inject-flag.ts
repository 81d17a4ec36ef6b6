import { type Signal, computed, inject } from '@angular/core';
import { FeatureFlagsStore } from './feature-flags-store';
import type { FlagName, FlagValue } from './flag-registry';

/** A flag's current value as a signal, for code: `readonly exportEnabled = injectFlag('enable_order_export');` */
export function injectFlag<N extends FlagName>(name: N): Signal<FlagValue<N>> {
  const store = inject(FeatureFlagsStore);
  return computed(() => store.value(name));
}
