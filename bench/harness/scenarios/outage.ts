// (c) Outage amplification: every route answers 503 while the page keeps calling.
import { devApi } from '../dev-api';
import type { StackName } from '../stacks';
import { type Outcome, countBy, delay, round, signedIn, timed } from './shared';

export interface OutageOptions {
  stack: StackName;
  url: string;
  durationMs: number;
  intervalMs: number;
  /** How long to wait, after the outage, for calls still retrying. */
  settleCapMs: number;
}

export interface OutageResult {
  options: OutageOptions;
  logicalCalls: number;
  serverRequests: number;
  amplification: number;
  ok: number;
  failedKinds: Record<string, number>;
  unsettled: number;
  settleMs: number;
}

export async function outage(options: OutageOptions): Promise<OutageResult> {
  await devApi.reset();
  const stack = await signedIn(options.stack);
  for (let i = 0; i < 5; i++) await stack.get(options.url);
  await devApi.reset();
  await devApi.chaos({ failRate: 1, failStatus: 503 });

  const calls: Promise<Outcome>[] = [];
  const started = performance.now();
  while (performance.now() - started < options.durationMs) {
    calls.push(timed(() => stack.get(options.url)));
    await delay(options.intervalMs);
  }
  await devApi.chaos({});
  const outageEnded = performance.now();
  let unsettled = 0;
  const settled = await Promise.race([
    Promise.all(calls),
    delay(options.settleCapMs).then(() => null),
  ]);
  const outcomes = settled ?? [];
  if (!settled) unsettled = calls.length;
  const settleMs = performance.now() - outageEnded;
  const stats = await devApi.stats();
  stack.dispose();
  await devApi.reset();
  return {
    options,
    logicalCalls: calls.length,
    serverRequests: stats.requests,
    amplification: round(stats.requests / calls.length, 3),
    ok: outcomes.filter((o) => o.ok).length,
    failedKinds: countBy(outcomes.filter((o) => !o.ok).map((o) => o.kind)),
    unsettled,
    settleMs: round(settleMs, 0),
  };
}
