import { HttpClient, HttpContext } from '@angular/common/http';
import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { BACKGROUND } from '../http';
import {
  type FlagName,
  type FlagValue,
  type FlagValues,
  FLAGS,
  defaultFlagValues,
  isFlagName,
} from './flag-registry';

type Source = 'defaults' | 'cache' | 'server';

interface FlagsState {
  values: FlagValues;
  /** Where the values came from; gated UI waits until this is not `defaults` (bounded). */
  source: Source;
  version: number | null;
}

/**
 * Feature flags from `GET /api/flags`, typed by the registry in `flag-registry.ts`.
 * TODO(issue 4): ETag/304, last-known-good in localStorage, reload on X-Flags-Version, interval
 * and visibility, reporting of unknown flags and wrong types.
 */
export const FeatureFlagsStore = signalStore(
  { providedIn: 'root' },
  withState<FlagsState>({ values: defaultFlagValues(), source: 'defaults', version: null }),
  withComputed(({ source }) => ({ ready: computed(() => source() !== 'defaults') })),
  withMethods((store, http = inject(HttpClient)) => ({
    value<N extends FlagName>(name: N): FlagValue<N> {
      return store.values()[name];
    },
    async load(): Promise<void> {
      const body = await firstValueFrom(
        http.get<{ version?: unknown; flags?: Record<string, unknown> }>('/api/flags', {
          context: new HttpContext().set(BACKGROUND, true),
        }),
      );
      const values: Record<string, unknown> = { ...defaultFlagValues() };
      for (const [name, value] of Object.entries(body.flags ?? {})) {
        if (isFlagName(name) && typeof value === FLAGS[name].type) values[name] = value;
      }
      patchState(store, {
        values: values as FlagValues,
        source: 'server',
        version: typeof body.version === 'number' ? body.version : null,
      });
    },
  })),
);
