// The production build with Angular's service worker (issue 12): the app opens offline after
// one visit, and a new deployed version is offered ("A new version is available — Reload").
// These run against scripts/serve-dist.ts (PROD_ORIGIN), the same dev API as the other tests.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROD_DIST_DIR, PROD_ORIGIN } from '../playwright.config';
import { seriousViolations } from './axe';
import { appCached } from './production-build';
import { expect, openPage, signIn, test } from './fixtures';

test.use({ baseURL: PROD_ORIGIN });

test('after one visit the app opens offline, signed in, on any page', async ({
  page,
  context,
  devApi,
}) => {
  await signIn(page, '/dashboard');
  // The worker registers once the app is stable; a reload puts the page under its control.
  await appCached(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await appCached(page);

  await context.setOffline(true);
  await page.goto('/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'You are offline' })).toBeVisible();
  await openPage(page, 'Dashboard');

  // Back online: the session is confirmed (one refresh) and the page loads its data by itself.
  const refreshesBefore = (await devApi.stats()).refresh.ok;
  await context.setOffline(false);
  await openPage(page, 'Orders');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  expect((await devApi.stats()).refresh.ok).toBe(refreshesBefore + 1);
  // The user's name is back in the toolbar once the session is confirmed.
  await expect(page.getByText('Signed in as')).toBeAttached();
});

test('a newly deployed version is offered, and Reload runs it', async ({ page }) => {
  const indexPath = join(PROD_DIST_DIR, 'index.html');
  const manifestPath = join(PROD_DIST_DIR, 'ngsw.json');
  const originalIndex = readFileSync(indexPath);
  const originalManifest = readFileSync(manifestPath);
  try {
    await signIn(page, '/dashboard');
    await appCached(page);
    await page.reload();
    await appCached(page);
    await expect(page.getByTestId('app-update')).toHaveCount(0);

    // "Deploy": a changed index.html and a manifest that says so.
    const marker = `<meta name="keel-deployed" content="${Date.now()}">`;
    const index = Buffer.from(originalIndex.toString().replace('</head>', `${marker}</head>`));
    const manifest = JSON.parse(originalManifest.toString()) as {
      hashTable: Record<string, string>;
      timestamp: number;
    };
    manifest.hashTable['/index.html'] = createHash('sha1').update(index).digest('hex');
    manifest.timestamp += 1;
    writeFileSync(indexPath, index);
    writeFileSync(manifestPath, JSON.stringify(manifest));

    // The worker looks for a new version on each navigation it serves, and when the tab
    // becomes visible again; it downloads it and the app offers it.
    await page.reload();
    const offer = page.getByTestId('app-update');
    await expect(offer).toContainText('A new version is available');
    expect(await seriousViolations(page)).toEqual([]);
    await offer.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="keel-deployed"]')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  } finally {
    writeFileSync(indexPath, originalIndex);
    writeFileSync(manifestPath, originalManifest);
  }
});
