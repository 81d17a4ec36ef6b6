// The app under its Content-Security-Policy (issue 14): the dev server and the production build
// send the policy of scripts/content-security-policy.ts, the browser enforces it (Trusted
// Types, no eval, no inline script), and the app runs under it: every e2e test fails on a
// violation (the `cspViolations` fixture), so the rest of the suite is the proof that nothing
// the app does is refused. These tests provoke violations on purpose and check them.
import type { Page } from '@playwright/test';
import { PROD_ORIGIN } from '../playwright.config';
import { APP_SECURITY_HEADERS } from '../scripts/content-security-policy';
import { expect, signIn, test } from './fixtures';

/**
 * What an injected script would try; each answer is the error the browser threw, or 'ran'.
 * (Not `eval`: DevTools' evaluate, which Playwright uses, is exempt from script-src. That the
 * policy has no 'unsafe-eval' is checked in scripts/content-security-policy.test.ts.)
 */
function attempts(page: Page) {
  return page.evaluate(() => {
    const attempt = (action: () => void) => {
      try {
        action();
        return 'ran';
      } catch (error) {
        return (error as Error).name;
      }
    };
    return {
      innerHTML: attempt(() => {
        document.createElement('div').innerHTML = '<img src=x onerror="alert(1)">';
      }),
      scriptText: attempt(() => {
        document.createElement('script').textContent = 'alert(1)';
      }),
      timerString: attempt(() => {
        setTimeout('alert(1)');
      }),
      policy: attempt(() => {
        (
          window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): void } }
        ).trustedTypes.createPolicy('attacker', {});
      }),
    };
  });
}

for (const [server, origin] of [
  ['the dev server', undefined],
  ['the production build', PROD_ORIGIN],
] as const) {
  test.describe(server, () => {
    if (origin) test.use({ baseURL: origin });

    test('sends the policy, and the browser refuses HTML and script from strings', async ({
      page,
      cspViolations,
      consoleErrors,
    }) => {
      const response = await page.goto('/sign-in');
      const headers = response!.headers();
      for (const [name, value] of Object.entries(APP_SECURITY_HEADERS)) {
        expect(headers[name.toLowerCase()], name).toBe(value);
      }
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

      expect(await attempts(page)).toEqual({
        innerHTML: 'TypeError',
        scriptText: 'TypeError',
        timerString: 'TypeError',
        policy: 'TypeError',
      });
      // Each refusal is reported once per policy that refuses it: the header's and the <meta>'s.
      await expect
        .poll(() => cspViolations.map((text) => text.split(' at ')[0]))
        .toEqual(
          [
            'require-trusted-types-for blocked trusted-types-sink',
            'require-trusted-types-for blocked trusted-types-sink',
            'require-trusted-types-for blocked trusted-types-sink',
            'trusted-types blocked trusted-types-policy',
          ].flatMap((text) => [text, text]),
        );
      // Chromium also logs each refusal as a console error; both lists are accounted for.
      cspViolations.length = 0;
      consoleErrors.length = 0;
    });

    test('signing in and using the app raises no violation', async ({ page }) => {
      // The fixture fails the test on any violation; this walks the pages a user opens first.
      await signIn(page, '/dashboard');
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Orders' })
        .click();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    });
  });
}
