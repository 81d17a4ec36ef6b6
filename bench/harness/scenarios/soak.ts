// (d) Chaos soak: seeded GETs and creates under a mix of faults and token expiries, checked
// against the server's own counts.
import type { ChaosConfig, DevStatsJson } from '../../../contracts/dev-api';
import { counters, describe } from '../counters';
import { devApi, refreshesOf } from '../dev-api';
import { DEMO, type StackName } from '../stacks';
import { type Outcome, countBy, delay, round, seededRandom, signedIn, timed } from './shared';

/** The routes faults apply to: every resource route the soak calls. Auth routes stay clean. */
export const SOAK_ROUTES = [
  'GET /api/me',
  'GET /api/orders',
  'POST /api/orders',
  'GET /api/customers',
  'GET /api/products',
  'GET /api/dashboard',
];

const SOAK_BASE: Partial<ChaosConfig> = {
  latencyMs: 5,
  jitterMs: 60,
  dropRate: 0.03,
  hangRate: 0.01,
  malformedRate: 0.02,
  dropAfterCommitRate: 0.05,
  routes: SOAK_ROUTES,
};

/** The phases the soak cycles through: one `failStatus` at a time is all the dev API has. */
export const SOAK_PHASES: readonly Partial<ChaosConfig>[] = [
  { ...SOAK_BASE, failRate: 0.06, failStatus: 503 },
  { ...SOAK_BASE, failRate: 0.06, failStatus: 429, retryAfterS: 1 },
  { ...SOAK_BASE, failRate: 0.04, failStatus: 500 },
];

export interface SoakOptions {
  stack: StackName;
  calls: number;
  concurrency: number;
  seed: number;
  /** Share of calls that create an order (the rest are GETs). */
  createShare: number;
  phaseMs: number;
  expireEveryMs: number;
  /** One attempt's timeout, so a hang ends: Keel's attemptTimeoutMs, the peers' timeout. */
  attemptTimeoutMs: number;
  /** A call not settled after this long is counted as unsettled (Keel's deadline is 30 s). */
  callCapMs: number;
  phases?: readonly Partial<ChaosConfig>[];
}

export interface SoakResult {
  options: SoakOptions;
  phases: readonly Partial<ChaosConfig>[];
  durationMs: number;
  logicalCalls: number;
  gets: number;
  creates: number;
  ok: number;
  /**
   * Resolved as data although the body did not parse (axios hands such a body over as a
   * string by default). Counted in `ok`; Keel fails these calls as `parse`.
   */
  unreadableData: number;
  typedErrors: number;
  /** Rejections that were not an AppError (for peers: every rejection). */
  untypedErrors: number;
  unsettled: number;
  settledShare: number;
  settledAsDataOrAppErrorShare: number;
  kinds: Record<string, number>;
  unhandled: {
    windowErrors: number;
    unhandledRejections: number;
    errorHandler: number;
    samples: string[];
  };
  expiries: number;
  refreshes: number;
  refreshFailed: number;
  successfulCreates: number;
  ordersCreated: number;
  ordersFound: number;
  duplicateOrders: number;
  markersWithDuplicates: number;
  committedButFailed: number;
  idempotentReplays: number;
  serverRequests: number;
  amplification: number;
  byStatus: Record<string, number>;
  problems: string[];
}

interface Order {
  id: string;
  notes: string;
}

async function bearerLogin(): Promise<string> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function plainGet<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Every order whose notes carry the run's marker, fetched with chaos off. */
async function ordersWithMarker(marker: string, token: string): Promise<Order[]> {
  const orders: Order[] = [];
  for (let page = 1; ; page++) {
    const { items } = await plainGet<{ items: Order[] }>(
      `/api/orders?q=${encodeURIComponent(marker)}&pageSize=100&page=${page}`,
      token,
    );
    orders.push(...items);
    if (items.length < 100) return orders;
  }
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const phases = options.phases ?? SOAK_PHASES;
  const problems: string[] = [];
  await devApi.reset();
  const setupToken = await bearerLogin();
  const customers = (await plainGet<{ items: { id: string }[] }>('/api/customers', setupToken))
    .items;
  const products = (await plainGet<{ items: { id: string }[] }>('/api/products', setupToken)).items;
  const someOrder = (
    await plainGet<{ items: { id: string }[] }>('/api/orders?pageSize=1', setupToken)
  ).items[0];
  const stack = await signedIn(options.stack, {
    keel: { attemptTimeoutMs: options.attemptTimeoutMs },
    attemptTimeoutMs: options.attemptTimeoutMs,
  });
  const marker = `soak-${options.seed}-${Date.now().toString(36)}-`;
  const random = seededRandom(options.seed);
  const getUrls = [
    '/api/me',
    '/api/orders?pageSize=10',
    `/api/orders/${someOrder.id}`,
    '/api/customers',
    '/api/products',
    '/api/dashboard/summary',
  ];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const plan = Array.from({ length: options.calls }, (_, i) => {
    if (random() < options.createShare) {
      const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
        productId: pick(products).id,
        quantity: 1 + Math.floor(random() * 5),
      }));
      return {
        kind: 'create' as const,
        body: { customerId: pick(customers).id, items, notes: `${marker}${i}` },
      };
    }
    return { kind: 'get' as const, url: pick(getUrls) };
  });

  const before = { ...counters, samples: [...counters.samples] };
  await devApi.reset();

  // Faults: a new phase every phaseMs (each PUT restarts the seeded draws with its own seed),
  // and every access token expired every expireEveryMs.
  let phase = 0;
  let expiries = 0;
  let stopped = false;
  const background: Promise<void>[] = [];
  const every = (ms: number, task: () => Promise<void>) =>
    background.push(
      (async () => {
        while (!stopped) {
          await delay(ms);
          if (stopped) return;
          try {
            await task();
          } catch (error) {
            problems.push(`dev control failed: ${describe(error)}`);
          }
        }
      })(),
    );
  await devApi.chaos({ ...phases[0], seed: options.seed });
  every(options.phaseMs, async () => {
    phase++;
    await devApi.chaos({ ...phases[phase % phases.length], seed: options.seed + phase });
  });
  every(options.expireEveryMs, async () => {
    await devApi.expireTokens();
    expiries++;
  });

  const outcomes: (Outcome | null)[] = new Array(plan.length).fill(null);
  const createdIds = new Map<string, string>();
  const pending = new Set<Promise<unknown>>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < plan.length) {
      const i = next++;
      const step = plan[i];
      const call = timed(async () => {
        if (step.kind === 'get') return stack.get(step.url);
        const order = await stack.createOrder<Order | string>(step.body);
        if (typeof order === 'object' && typeof order.id === 'string')
          createdIds.set(step.body.notes, order.id);
        return order;
      }).then((outcome) => {
        outcomes[i] = outcome;
      });
      pending.add(call);
      void call.then(() => pending.delete(call));
      // A call that never settles must not stall the soak: after the cap the worker moves on
      // and the call counts as unsettled unless it settles before the end.
      await Promise.race([call, delay(options.callCapMs)]);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  stopped = true;
  await Promise.all(background);
  await devApi.chaos({});
  if (pending.size) await Promise.race([Promise.all(pending), delay(options.callCapMs)]);
  const durationMs = performance.now() - started;
  // Let the last responses' promise callbacks and any late rejection events run.
  await delay(50);
  const stats: DevStatsJson = await devApi.stats();

  const token = await bearerLogin();
  const found = await ordersWithMarker(marker, token);
  stack.dispose();
  const perMarker = countBy(found.map((o) => o.notes));
  const duplicates = Object.values(perMarker).reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const markersWithDuplicates = Object.values(perMarker).filter((n) => n > 1).length;
  for (const [notes, id] of createdIds) {
    if (!found.some((o) => o.id === id && o.notes === notes))
      problems.push(`created order ${id} (${notes}) not found by its marker`);
  }

  const settled = outcomes.filter((o): o is Outcome => o !== null);
  const ok = settled.filter((o) => o.ok).length;
  const typedErrors = settled.filter((o) => !o.ok && o.typed).length;
  const untypedErrors = settled.filter((o) => !o.ok && !o.typed).length;
  const unhandled = {
    windowErrors: counters.windowErrors - before.windowErrors,
    unhandledRejections: counters.unhandledRejections - before.unhandledRejections,
    errorHandler: counters.errorHandler - before.errorHandler,
    samples: counters.samples.slice(before.samples.length),
  };
  if (found.length !== stats.ordersCreated)
    problems.push(
      `the server counted ${stats.ordersCreated} new orders, ${found.length} carry this run's marker`,
    );
  const creates = plan.filter((s) => s.kind === 'create').length;
  const successfulCreates = createdIds.size;
  const ordersFound = Object.keys(perMarker).length;
  // Stats and chaos stay as they are (chaos is off): the caller may read the stats itself.
  return {
    options,
    phases,
    durationMs: round(durationMs, 0),
    logicalCalls: plan.length,
    gets: plan.length - creates,
    creates,
    ok,
    unreadableData: settled.filter((o) => o.ok && o.unreadable).length,
    typedErrors,
    untypedErrors,
    unsettled: plan.length - settled.length,
    settledShare: round(settled.length / plan.length, 4),
    settledAsDataOrAppErrorShare: round((ok + typedErrors) / plan.length, 4),
    kinds: countBy(settled.filter((o) => !o.ok).map((o) => o.kind)),
    unhandled,
    expiries,
    refreshes: refreshesOf(stats),
    refreshFailed: stats.refresh.failed,
    successfulCreates,
    ordersCreated: stats.ordersCreated,
    ordersFound,
    duplicateOrders: duplicates,
    markersWithDuplicates,
    committedButFailed: ordersFound - successfulCreates,
    idempotentReplays: stats.idempotentReplays,
    serverRequests: stats.requests,
    amplification: round(stats.requests / plan.length, 3),
    byStatus: stats.byStatus,
    problems,
  };
}
