// The dev API's controls (server/README.md, "Dev controls"), called from the page with plain
// fetch on the page's own origin: /api goes through the bench server's proxy, or through
// ng serve's proxy in the e2e soak, like every other call.

export interface ChaosConfig {
  latencyMs?: number;
  jitterMs?: number;
  failRate?: number;
  failStatus?: number;
  retryAfterS?: number | null;
  dropRate?: number;
  hangRate?: number;
  malformedRate?: number;
  dropAfterCommitRate?: number;
  routes?: string[];
  seed?: number | null;
}

export interface DevStats {
  requests: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  refresh: { ok: number; failed: number };
  logins: number;
  idempotentReplays: number;
  ordersCreated: number;
}

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
  chaos: async (config: ChaosConfig) => void (await call('PUT', '/chaos', config)),
  expireTokens: async () => void (await call('POST', '/expire-tokens')),
  stats: async () => (await (await call('GET', '/stats')).json()) as DevStats,
};

export function refreshesOf(stats: DevStats): number {
  return stats.refresh.ok + stats.refresh.failed;
}
