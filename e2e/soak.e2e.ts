// The chaos soak of issue 7 in `npm test`: 500 logical calls through Keel's real network layer
// under the bench's fault mix (latency and jitter, drops, hangs with a short attempt timeout,
// 5xx, 429 with Retry-After, malformed bodies, drop-after-commit on creates, every access token
// expired every 1.5 s). Only invariants are asserted, never a timing: every call settles as
// data or a typed AppError, nothing escapes, no order is created twice, one refresh at most
// per expiry (+1). The bench harness (bench/harness, bundled on the fly) is served on the
// app's own origin, so /api goes through ng serve's proxy as the app's calls do.
import { HARNESS_BASE, buildHarness } from '../bench/build-harness';
import type { KeelBench } from '../bench/harness/main';
import type { SoakOptions } from '../bench/harness/scenarios';
import { expect, test } from './fixtures';

const SOAK: SoakOptions = {
  stack: 'keel',
  calls: 500,
  concurrency: 12,
  // Fixes the chaos draws and the page's plan of calls, so runs see the same fault sequence.
  seed: 20_611,
  createShare: 0.25,
  phaseMs: 2000,
  expireEveryMs: 1500,
  attemptTimeoutMs: 1500,
  callCapMs: 45_000,
};

test('chaos soak: 500 calls under mixed faults all settle, none escapes, no order twice', async ({
  page,
  devApi,
}) => {
  test.setTimeout(120_000);
  const files = await buildHarness();
  await page.route(`**${HARNESS_BASE}**`, async (route) => {
    const file = files.get(new URL(route.request().url()).pathname);
    await route.fulfill(
      file ? { contentType: file.contentType, body: file.body } : { status: 404, body: '' },
    );
  });
  await page.goto(`${HARNESS_BASE}index.html`);
  await page.waitForFunction(() => 'keelBench' in window);

  const result = await page.evaluate(
    (options) => (window as unknown as { keelBench: KeelBench }).keelBench.soak(options),
    SOAK,
  );
  const summary = JSON.stringify({ ...result, phases: undefined, options: undefined });
  test.info().annotations.push({ type: 'soak', description: summary });

  expect(result.logicalCalls, summary).toBe(SOAK.calls);
  expect(result.unsettled, `calls that never settled: ${summary}`).toBe(0);
  expect(result.untypedErrors, `rejections that were not an AppError: ${summary}`).toBe(0);
  expect(result.settledAsDataOrAppErrorShare, summary).toBe(1);
  expect(result.unhandled, summary).toEqual({
    windowErrors: 0,
    unhandledRejections: 0,
    errorHandler: 0,
    samples: [],
  });
  expect(result.duplicateOrders, `orders created twice: ${summary}`).toBe(0);
  expect(result.problems, summary).toEqual([]);
  expect(result.expiries, summary).toBeGreaterThan(0);
  expect(result.refreshes, `refreshes against expiries: ${summary}`).toBeLessThanOrEqual(
    result.expiries + 1,
  );
  // The faults did happen (a soak without them would prove nothing) …
  const statuses = result.byStatus;
  expect(statuses['dropped'] ?? 0, summary).toBeGreaterThan(0);
  expect(
    (statuses['503'] ?? 0) + (statuses['429'] ?? 0) + (statuses['500'] ?? 0),
    summary,
  ).toBeGreaterThan(0);
  expect(result.creates, summary).toBeGreaterThan(0);
  // … and the dev API, asked directly, agrees on what was written and refreshed.
  const stats = await devApi.stats();
  expect(stats.ordersCreated).toBe(result.ordersCreated);
  expect(stats.refresh.ok + stats.refresh.failed).toBe(result.refreshes);
});
