export type FlagValue = boolean | number | string;

/** Every condition given must hold (AND); an empty `when` always holds. */
export interface FlagCondition {
  /** The caller's X-App-Version is at least this (missing header = 0.0.0). */
  minAppVersion?: string;
  /** X-Platform is one of these (case-insensitive). */
  platforms?: string[];
  /** The signed-in user's id is one of these. */
  userIds?: string[];
  /** The signed-in user has at least one of these roles. */
  roles?: string[];
}

export interface FlagRule {
  when: FlagCondition;
  value: FlagValue;
}

export interface FlagDefinition {
  name: string;
  type: 'boolean' | 'number' | 'string';
  description: string;
  defaultValue: FlagValue;
  /** Checked in order; the first that holds gives the value, else `defaultValue`. */
  rules: FlagRule[];
}

/** The flags the API knows. Values can be overridden at run time with PUT /api/_dev/flags. */
export function flagDefinitions(production: boolean): FlagDefinition[] {
  return [
    {
      name: 'enable_new_ui',
      type: 'boolean',
      description: 'The redesigned screens. On for beta testers only.',
      defaultValue: false,
      rules: [{ when: { roles: ['beta'] }, value: true }],
    },
    {
      name: 'enable_order_export',
      type: 'boolean',
      description: 'The CSV export of the orders list. Off on phones, where a download is useless.',
      defaultValue: true,
      rules: [{ when: { platforms: ['ios', 'android'] }, value: false }],
    },
    {
      name: 'enable_network_console',
      type: 'boolean',
      description: 'The network console page with the dev fault controls.',
      defaultValue: !production,
      rules: [],
    },
    {
      name: 'dashboard_refresh_seconds',
      type: 'number',
      description: 'How often the dashboard reloads itself.',
      defaultValue: 60,
      rules: [],
    },
    {
      name: 'orders_page_size',
      type: 'number',
      description: 'Rows per page of the orders list. Apps from 2.0.0 on show 50.',
      defaultValue: 20,
      rules: [{ when: { minAppVersion: '2.0.0' }, value: 50 }],
    },
  ];
}
