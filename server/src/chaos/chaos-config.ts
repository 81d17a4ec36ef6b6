import type { ChaosConfig } from '../../../contracts/dev-api.ts';
import { InputReader } from '../http/input-reader.ts';

// The shape lives in contracts/dev-api.ts, shared with the app, e2e and bench. A field added
// there fails to compile here until noChaos gives it a default (its keys are the ones
// readChaosConfig accepts); readChaosConfig then needs a line that validates it.
export type { ChaosConfig };

export const noChaos: ChaosConfig = {
  latencyMs: 0,
  jitterMs: 0,
  failRate: 0,
  failStatus: 503,
  retryAfterS: null,
  dropRate: 0,
  hangRate: 0,
  malformedRate: 0,
  dropAfterCommitRate: 0,
  routes: [],
  seed: null,
};

const rates = ['failRate', 'dropRate', 'hangRate', 'malformedRate', 'dropAfterCommitRate'] as const;
const routePattern = /^(?:(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) )?\/\S*$/;
const maxDelayMs = 60_000;

/** Validates a whole chaos config (PUT replaces, so absent fields take their defaults). */
export function readChaosConfig(raw: unknown): ChaosConfig {
  const reader = new InputReader();
  const body = reader.object(raw, '', Object.keys(noChaos));
  const delay = { integer: true, min: 0, max: maxDelayMs };
  const config: ChaosConfig = {
    ...noChaos,
    latencyMs: reader.optionalNumber(body, 'latencyMs', delay) ?? 0,
    jitterMs: reader.optionalNumber(body, 'jitterMs', delay) ?? 0,
    failStatus:
      reader.optionalNumber(body, 'failStatus', { integer: true, min: 400, max: 599 }) ?? 503,
    retryAfterS:
      body?.['retryAfterS'] === null
        ? null
        : (reader.optionalNumber(body, 'retryAfterS', { integer: true, min: 0, max: 86_400 }) ??
          null),
  };
  config.seed =
    reader.optionalNumber(body, 'seed', { integer: true, min: 0, max: 2 ** 32 - 1 }) ?? null;
  for (const rate of rates)
    config[rate] = reader.optionalNumber(body, rate, { min: 0, max: 1 }) ?? 0;
  const routes = reader.optionalArray(body, 'routes', { maxItems: 50 }) ?? [];
  config.routes = routes.map((route, index) => {
    if (typeof route === 'string' && routePattern.test(route)) return route;
    reader.fail(`routes[${index}]`, 'must be "METHOD /path" or "/path", e.g. "GET /api/orders"');
    return '';
  });
  reader.throwIfInvalid();
  return config;
}

/**
 * Whether chaos applies to a request. A route entry is a path prefix that ends on a segment
 * boundary: "/api/orders" matches /api/orders and /api/orders/ord_1, not /api/orders-export.
 * Without a method it matches every method.
 */
export function chaosApplies(config: ChaosConfig, method: string, path: string): boolean {
  if (config.routes.length === 0) return true;
  return config.routes.some((route) => {
    const space = route.indexOf(' ');
    const routeMethod = space === -1 ? undefined : route.slice(0, space);
    const prefix = space === -1 ? route : route.slice(space + 1);
    if (routeMethod && routeMethod !== method) return false;
    const bare = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
    return path === bare || path.startsWith(`${bare}/`);
  });
}

/** The chaos in force; `PUT /api/_dev/chaos` swaps `config` whole. */
export interface ChaosState {
  config: ChaosConfig;
  /** The seeded draws of `config.seed`, if any. */
  random?: () => number;
}
