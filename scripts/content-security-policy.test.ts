// The Content-Security-Policy (scripts/content-security-policy.ts) is strict, and every place
// that sends it says the same: the dev server's headers in angular.json and the <meta> copy in
// src/index.html. The browser side (no violation anywhere, Trusted Types enforced) is
// e2e/security.e2e.ts and the violation check of e2e/fixtures.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  APP_SECURITY_HEADERS,
  appCsp,
  cspDirectives,
  dsnOrigin,
  serializeCsp,
} from './content-security-policy';

const root = join(__dirname, '..');

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

test('the policy is strict: own scripts only, no eval, no plugins, no <base>, no framing, Trusted Types', () => {
  const policy = parse(appCsp());
  assert.deepEqual(policy.get('script-src'), ["'self'"]);
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
  assert.deepEqual(policy.get('base-uri'), ["'self'"]);
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
  assert.deepEqual(policy.get('require-trusted-types-for'), ["'script'"]);
  assert.deepEqual(policy.get('trusted-types'), [
    'angular',
    'angular#components',
    'keel#service-worker',
  ]);
  for (const [name, values] of policy) {
    assert.ok(!values.includes("'unsafe-eval'"), `${name} allows eval`);
    assert.ok(!values.includes('*'), `${name} allows any host`);
    if (name !== 'style-src') assert.ok(!values.includes("'unsafe-inline'"), name);
  }
});

test('angular.json makes ng serve send the same headers a deployment sends', () => {
  const workspace = JSON.parse(readFileSync(join(root, 'angular.json'), 'utf8'));
  assert.deepEqual(workspace.projects.keel.architect.serve.options.headers, APP_SECURITY_HEADERS);
});

test('the production build inlines no critical CSS (its loader is an inline onload handler)', () => {
  const workspace = JSON.parse(readFileSync(join(root, 'angular.json'), 'utf8'));
  const production = workspace.projects.keel.architect.build.configurations.production;
  assert.equal(production.optimization.styles.inlineCritical, false);
});

test('src/index.html carries the policy as a <meta> tag, without the header-only directives', () => {
  const html = readFileSync(join(root, 'src', 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
  assert.ok(meta, 'no CSP <meta> tag in src/index.html');
  assert.equal(meta[1], appCsp('meta'));
  assert.ok(!meta[1].includes('frame-ancestors'));
  // Before anything it governs: only the charset may come first.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<title>'));
});

test('connect-src names a Sentry DSN on another host, and nothing for the app’s own', () => {
  assert.equal(dsnOrigin('http://devkey@{host}/api/_dev/sentry/1'), null);
  assert.equal(dsnOrigin(undefined), null);
  assert.equal(
    dsnOrigin('https://abc@o123.ingest.sentry.io/4505'),
    'https://o123.ingest.sentry.io',
  );
  const remote = parse(serializeCsp(cspDirectives({ sentryDsn: 'https://k@sentry.example/1' })));
  assert.deepEqual(remote.get('connect-src'), ["'self'", 'https://sentry.example']);
  assert.throws(() => dsnOrigin('not a url'), TypeError);
});
