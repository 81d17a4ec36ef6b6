// The flags the library's own specs declare, the way an app declares its own (README, "Declare
// a flag"): typed through FlagRegistry, provided as FLAG_DEFINITIONS. Spec support only: never
// part of the package.
import type { FlagDefinitions } from '@keel/network/flags';

export const TEST_FLAGS = {
  enable_new_ui: { type: 'boolean', default: false },
  enable_order_export: { type: 'boolean', default: false },
  enable_network_console: { type: 'boolean', default: false },
  dashboard_refresh_seconds: { type: 'number', default: 60 },
  orders_page_size: { type: 'number', default: 20 },
} as const satisfies FlagDefinitions;

declare module '@keel/network/flags' {
  interface FlagRegistry {
    flags: typeof TEST_FLAGS;
  }
}
