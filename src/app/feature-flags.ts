import { isDevMode } from '@angular/core';
import type { FlagDefinitions } from '@keel/network/flags';

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
} as const satisfies FlagDefinitions;

// Types injectFlag(), *keelFlag and flagGuard() by these flags (README, "Declare a flag").
declare module '@keel/network/flags' {
  interface FlagRegistry {
    flags: typeof FLAGS;
  }
}
