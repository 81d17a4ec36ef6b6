import { isDevMode } from '@angular/core';

/**
 * Every flag the app knows, with its type and the value it takes until the server says
 * otherwise (and whenever the server sends something unusable). Declaring a flag here is all
 * it takes to use it: `injectFlag('name')`, `*keelFlag="'name'"`, `flagGuard('name')`.
 */
export const FLAGS = {
  /** The orders page shows a card board grouped by status instead of the classic table. */
  enable_new_ui: { type: 'boolean', default: false },
  /** The orders page offers "Export CSV". */
  enable_order_export: { type: 'boolean', default: false },
  /** The Network page is in the navigation and its route matches. */
  enable_network_console: { type: 'boolean', default: isDevMode() },
  /** How often the dashboard refreshes itself, in seconds. */
  dashboard_refresh_seconds: { type: 'number', default: 60 },
  /** Rows per page on the orders list. */
  orders_page_size: { type: 'number', default: 20 },
} as const satisfies Record<string, FlagDefinition>;

export interface FlagDefinition {
  readonly type: 'boolean' | 'number' | 'string';
  readonly default: boolean | number | string;
}

export type FlagName = keyof typeof FLAGS;

/** The value type of a flag, from its declared type. */
export type FlagValue<N extends FlagName> = (typeof FLAGS)[N]['type'] extends 'boolean'
  ? boolean
  : (typeof FLAGS)[N]['type'] extends 'number'
    ? number
    : string;

/** Flags that switch something on or off: the ones a directive or guard can gate on. */
export type BooleanFlagName = {
  [N in FlagName]: (typeof FLAGS)[N]['type'] extends 'boolean' ? N : never;
}[FlagName];

export type FlagValues = { readonly [N in FlagName]: FlagValue<N> };

export function defaultFlagValues(): FlagValues {
  const values: Record<string, boolean | number | string> = {};
  for (const [name, definition] of Object.entries(FLAGS)) values[name] = definition.default;
  return values as FlagValues;
}

export function isFlagName(name: string): name is FlagName {
  return Object.hasOwn(FLAGS, name);
}
