// For the tests that run against the production build (PROD_ORIGIN, service worker on).
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Waits until the service worker controls the page and has every file of the app's version in
 * its cache (ngsw.json's hash table): from then on the app opens with no network.
 */
export async function appCached(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return 'not controlled yet';
          const manifest = (await (await fetch('/ngsw.json', { cache: 'no-store' })).json()) as {
            hashTable: Record<string, string>;
          };
          const missing: string[] = [];
          for (const url of Object.keys(manifest.hashTable)) {
            if (!(await caches.match(url))) missing.push(url);
          }
          return missing.length === 0 ? 'cached' : `missing ${missing.join(', ')}`;
        }),
      { message: 'the service worker caches the app', timeout: 60_000 },
    )
    .toBe('cached');
}
