import { expect, openPage, signIn, test } from './fixtures';

test('a forced 500 on one route becomes exactly one Sentry event', async ({ page, devApi }) => {
  await signIn(page);
  await openPage(page, 'Orders');
  // The SDK loads once the page has been left alone for 10 s (SENTRY_QUIET_MS in src/main.ts);
  // from then on the calls carry its header too.
  await page.waitForFunction(() => '__SENTRY__' in window);
  await devApi.reset();
  await devApi.chaos({ failRate: 1, failStatus: 500, routes: ['GET /api/dashboard/top-products'] });
  // What the server answered each attempt: its problem body echoes the trace it was sent.
  const answers: Promise<{ traceparent: string; sentryTrace: string; traceId: unknown }>[] = [];
  page.on('response', (response) => {
    if (!response.url().includes('/api/dashboard/top-products')) return;
    answers.push(
      response.json().then((body: { traceId?: unknown }) => ({
        traceparent: response.request().headers()['traceparent'] ?? '',
        sentryTrace: response.request().headers()['sentry-trace'] ?? '',
        traceId: body.traceId,
      })),
    );
  });
  await openPage(page, 'Dashboard');

  const topProducts = page
    .locator('app-async-panel')
    .filter({ has: page.getByRole('heading', { name: 'Top products' }) });
  await expect(topProducts.getByRole('alert')).toContainText('The server had a problem');
  expect((await devApi.stats()).byRoute['GET /api/dashboard/top-products']).toBe(3);

  const route = 'GET /api/dashboard/top-products';
  await expect
    .poll(
      async () =>
        (await devApi.sentryEvents()).filter((e) => e.event.tags?.['route'] === route).length,
    )
    .toBe(1);
  // Three failed attempts, one logical call, one event: and nothing else about it arrived.
  const events = await devApi.sentryEvents();
  const exceptions = events.filter((e) => 'exception' in e.event);
  expect(exceptions.length).toBe(1);
  expect(exceptions[0].event.tags).toEqual(
    jasmineLike({ 'error.kind': 'server', route, platform: 'web' }),
  );
  // One trace for the call: three sibling spans, the server saw that trace, and the Sentry
  // event is in it, on the last attempt's span.
  const seen = await Promise.all(answers);
  expect(seen.length).toBe(3);
  const [, traceId] = seen[0].traceparent.split('-');
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(seen.map((a) => a.traceId)).toEqual([traceId, traceId, traceId]);
  expect(new Set(seen.map((a) => a.traceparent.split('-')[2])).size).toBe(3);
  // Sentry's own header, where it propagates, is in the same trace and span (Keel stamps it
  // and the SDK keeps it), so a backend that continues Sentry traces joins this one.
  expect(seen.map((a) => a.sentryTrace)).toEqual(
    seen.map((a) => a.traceparent.split('-').slice(1, 3).join('-')),
  );
  const trace = (exceptions[0].event['contexts'] as { trace?: Record<string, unknown> }).trace;
  expect(trace?.['trace_id']).toBe(traceId);
  expect(trace?.['span_id']).toBe(seen[2].traceparent.split('-')[2]);
});

test('the Network page shows a retried call with all its attempts after failRate is set from its controls', async ({
  page,
  devApi,
}) => {
  await signIn(page);
  await openPage(page, 'Network');

  await page.getByLabel('Fail rate (0–1)').fill('1');
  await page.getByLabel('Routes (comma-separated, empty = all)').fill('GET /api/me');
  await page.getByRole('button', { name: 'Apply faults' }).click();
  await expect(page.getByText('Faults applied.')).toBeVisible();

  await page.getByRole('button', { name: 'Send a test call' }).click();
  await expect(page.getByText(/The test call failed/)).toBeVisible();
  const row = page
    .getByRole('list', { name: 'Recent calls, newest last' })
    .getByRole('button')
    .filter({ hasText: 'GET /api/me' })
    .last();
  await expect(row).toContainText('server · 3 attempts');
  await row.click();
  const attempts = page.getByRole('table', { name: 'Attempts' }).getByRole('row');
  await expect(attempts).toHaveCount(4); // header + 3 attempts
  for (const n of [1, 2, 3]) await expect(attempts.nth(n)).toContainText('503');
  await expect(page.getByRole('table', { name: 'Attempts' })).toContainText(
    'Authorization: Bearer [redacted]',
  );
  // The console names the call's trace, and each attempt's span in it.
  const details = page.getByRole('region', { name: /GET \/api\/me/ });
  await expect(details).toContainText(/trace [0-9a-f]{32}/);
  for (const n of [1, 2, 3]) await expect(attempts.nth(n)).toContainText(/[0-9a-f]{16}/);
  expect((await devApi.stats()).byRoute['GET /api/me']).toBe(3);
});

test('an error thrown during startup loads Sentry at once and reaches it, however busy the page is', async ({
  page,
  devApi,
  consoleErrors,
}) => {
  const message = 'keel-e2e startup failure';
  // An uncaught error once the app has drawn its first page, as a bug in startup code would throw.
  await page.addInitScript((text) => {
    const check = () => {
      if (document.querySelector('app-sign-in-page'))
        setTimeout(() => {
          throw new Error(text);
        });
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, message);
  await page.goto('/sign-in');
  // Someone keeps using the page, so the quiet period after which the SDK loads anyway never
  // passes: only the error itself can bring it.
  const using = setInterval(() => void page.keyboard.press('Shift').catch(() => undefined), 1_000);
  try {
    await expect
      .poll(
        async () =>
          (await devApi.sentryEvents()).filter((e) => JSON.stringify(e.event).includes(message))
            .length,
      )
      .toBe(1);
  } finally {
    clearInterval(using);
  }
  // The error was logged as well; it is this test's own, not a failure of the page.
  expect(consoleErrors.some((text) => text.includes(message))).toBe(true);
  consoleErrors.splice(
    0,
    consoleErrors.length,
    ...consoleErrors.filter((t) => !t.includes(message)),
  );
});

/** Partial match on an object's keys (the SDK adds tags of its own). */
function jasmineLike(expected: Record<string, string>) {
  return expect.objectContaining(expected);
}
