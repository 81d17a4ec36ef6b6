// The dev API's controls (server/README.md, "Dev controls"), called from the page with plain
// fetch on the page's own origin: /api goes through the bench server's proxy, or through
// ng serve's proxy in the e2e soak, like every other call.

import type { ChaosConfig, DevStatsJson } from '../../contracts/dev-api';

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`/api/_dev${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /api/_dev${path} answered ${response.status}`);
  return response;
}

export const devApi = {
  /** Clears stats and chaos (not the data, not the sessions). */
  reset: async () => void (await call('POST', '/reset', {})),
  /** Replaces the chaos config: absent fields take their defaults, so `{}` turns chaos off. */
  chaos: async (config: Partial<ChaosConfig>) => void (await call('PUT', '/chaos', config)),
  expireTokens: async () => void (await call('POST', '/expire-tokens')),
  stats: async () => (await (await call('GET', '/stats')).json()) as DevStatsJson,
};

export function refreshesOf(stats: DevStatsJson): number {
  return stats.refresh.ok + stats.refresh.failed;
}
