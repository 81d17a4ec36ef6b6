import { InjectionToken } from '@angular/core';

/** One flag: its type, and the value it takes until the server says otherwise. */
export interface FlagDefinition {
  readonly type: 'boolean' | 'number' | 'string';
  readonly default: boolean | number | string;
}

/** An app's flags by name, declared once in the app (`provideFeatureFlags({ flags })`). */
export type FlagDefinitions = Readonly<Record<string, FlagDefinition>>;

/**
 * Where an app tells the type checker its flags, once, beside their declaration:
 *
 * ```ts
 * export const FLAGS = { new_ui: { type: 'boolean', default: false } } as const satisfies FlagDefinitions;
 * declare module '@keel/network/flags' {
 *   interface FlagRegistry {
 *     flags: typeof FLAGS;
 *   }
 * }
 * ```
 *
 * `injectFlag`, `*keelFlag` and `flagGuard` then take only those names, each typed by its flag.
 * Without it any name type-checks, and a value is `boolean | number | string`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the app
export interface FlagRegistry {}

/** The registered flags (or any, when the app registered none). */
type Registered = FlagRegistry extends { readonly flags: infer F extends FlagDefinitions }
  ? F
  : FlagDefinitions;

/** The type of a value for a flag of declared `type` T (a union of types gives their union). */
type ValueOf<T> = T extends 'boolean'
  ? boolean
  : T extends 'number'
    ? number
    : T extends 'string'
      ? string
      : never;

export type FlagName = keyof Registered & string;

/** The value type of a flag, from its declared type. */
export type FlagValue<N extends FlagName> = ValueOf<Registered[N]['type']>;

/** Flags that switch something on or off: the ones a directive or guard can gate on. */
export type BooleanFlagName = {
  [N in FlagName]: 'boolean' extends Registered[N]['type'] ? N : never;
}[FlagName];

export type FlagValues = { readonly [N in FlagName]: FlagValue<N> };

/**
 * The app's flags with their types and defaults (`provideFeatureFlags({ flags })` sets it).
 * @default {} (no flags: every flag the server sends is reported as unknown)
 */
export const FLAG_DEFINITIONS = new InjectionToken<FlagDefinitions>('FLAG_DEFINITIONS', {
  factory: () => ({}),
});

/** Every flag's value: the ones given, and the default for the rest. */
export function flagValues(
  definitions: FlagDefinitions,
  values: Partial<FlagValues> = {},
): FlagValues {
  const all: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(definitions)) all[name] = definition.default;
  return { ...all, ...values } as FlagValues;
}
