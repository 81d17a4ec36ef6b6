// The adoption test (issue 17): what a team does to adopt @keel/network, start to finish, on a
// fresh app. In a temp folder: `ng new` with this workspace's Angular CLI version (standalone,
// zoneless, the defaults), the packed library installed and its `ng add` schematic run, one component
// that signs in and calls GET /api/me through HttpClient, a production build served against the
// dev API, and in Chromium: the headers go out, a 503 is retried, and after the dev API expires
// every token four parallel calls make exactly one refresh and all succeed.
//
// Needs `npm run build:lib -- --pack` first (`npm test` runs it). What can be cached is: the
// fresh app with its node_modules is kept in node_modules/.cache/keel-adoption, keyed by the CLI
// version and package-lock.json, so a second run on the same tree skips `ng new` and npm.
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDevApi, type DevApiProcess } from '../../bench/dev-api-process';
import { type BenchServer, distFiles, startOriginServer } from '../../bench/serve';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireChrome, CHROME_FLAGS } = require('../find-chrome.cjs') as {
  requireChrome: () => string;
  CHROME_FLAGS: string[];
};

const root = join(__dirname, '..', '..');
const workspaceVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
const CLI_VERSION = workspaceVersion('@angular/cli');
const DEMO = { email: 'demo@keel.dev', password: 'keel-demo' };
const APP_VERSION = '1.4.2';

/** The component the test adds: signs in, then calls GET /api/me n times at once. */
const APP_COMPONENT = `import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { isAppError } from '@keel/network';
import { SessionService } from '@keel/network/session';
import { firstValueFrom } from 'rxjs';

interface Me {
  readonly email: string;
}

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: \`
    <button type="button" (click)="signIn()">Sign in</button>
    <button type="button" (click)="load(1)">One call</button>
    <button type="button" (click)="load(4)">Four calls</button>
    <output>{{ status() }}</output>
  \`,
})
export class App {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionService);
  protected readonly status = signal('ready');
  /** Each load's number, shown with its outcome, so a test waits for its own load's answer. */
  private loads = 0;

  protected async signIn(): Promise<void> {
    this.status.set('signing in');
    try {
      await this.session.signIn('${DEMO.email}', '${DEMO.password}');
      this.status.set('signed in');
    } catch (error) {
      this.status.set(\`error \${isAppError(error) ? error.kind : String(error)}\`);
    }
  }

  protected async load(n: number): Promise<void> {
    const load = ++this.loads;
    this.status.set(\`#\${load} loading\`);
    try {
      const calls = Array.from({ length: n }, () => firstValueFrom(this.http.get<Me>('/api/me')));
      const users = await Promise.all(calls);
      this.status.set(\`#\${load} ok \${users.map((user) => user.email).join(' ')}\`);
    } catch (error) {
      this.status.set(\`#\${load} error \${isAppError(error) ? error.kind : String(error)}\`);
    }
  }
}
`;

function sh(command: string, args: string[], cwd: string): string {
  const started = Date.now();
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`, {
      cause: error,
    });
  } finally {
    console.log(
      `# ${command} ${args.slice(0, 4).join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

/**
 * A fresh `ng new` app with its dependencies installed, from the cache when this CLI version and
 * lock file made one before. Its versions are pinned to the ones this workspace installed (the
 * ones Keel is tested with), so npm takes them from its cache and a newer release on the
 * registry cannot change what is tested; vitest and jsdom go (no unit tests run here), and
 * @keel/network's peer @ngrx/signals comes in.
 */
function freshApp(into: string): string {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const key = createHash('sha256').update(CLI_VERSION).update(lock).digest('hex').slice(0, 16);
  const cached = join(root, 'node_modules', '.cache', 'keel-adoption', key);
  const app = join(into, 'demo');
  if (!existsSync(join(cached, 'node_modules', '@angular', 'core'))) {
    rmSync(join(root, 'node_modules', '.cache', 'keel-adoption'), { recursive: true, force: true });
    const scratch = mkdtempSync(join(tmpdir(), 'keel-ng-new-'));
    // Outside this workspace: the CLI refuses `ng new` inside one.
    sh(
      'npm',
      [
        'exec',
        '--yes',
        '--prefer-offline',
        '--package',
        `@angular/cli@${CLI_VERSION}`,
        '--',
        'ng',
        'new',
        'demo',
        '--defaults',
        '--skip-install',
        '--skip-git',
        '--skip-tests',
      ],
      scratch,
    );
    const manifestPath = join(scratch, 'demo', 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const deps of [manifest.dependencies, manifest.devDependencies])
      for (const name of Object.keys(deps)) {
        if (name === 'vitest' || name === 'jsdom') delete deps[name];
        else deps[name] = workspaceVersion(name);
      }
    // The package's one peer dependency that ng new does not bring, at the version Keel is
    // tested with (npm would otherwise fetch the newest 21.x).
    manifest.dependencies['@ngrx/signals'] = workspaceVersion('@ngrx/signals');
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
    sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], join(scratch, 'demo'));
    cpSync(join(scratch, 'demo'), cached, { recursive: true, verbatimSymlinks: true });
    rmSync(scratch, { recursive: true, force: true });
  }
  cpSync(cached, app, { recursive: true, verbatimSymlinks: true });
  // The team's own version, which ng add wires into X-App-Version from package.json.
  const manifest = join(app, 'package.json');
  writeFileSync(
    manifest,
    readFileSync(manifest, 'utf8').replace(/"version": "[^"]*"/, `"version": "${APP_VERSION}"`),
  );
  return app;
}

describe('adopting @keel/network in a fresh Angular app', { timeout: 300_000 }, () => {
  let temp: string;
  let api: DevApiProcess;
  let server: BenchServer;
  let browser: Browser;
  let page: Page;
  const apiRequests: Request[] = [];

  const dev = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`http://127.0.0.1:${api.port}/api/_dev/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(response.ok, `${method} /api/_dev/${path}: ${response.status}`);
    return response.status === 204 ? null : response.json();
  };
  const status = () => page.locator('output');
  let loads = 0;
  /**
   * Clicks a load button and waits for that load's own outcome (the component numbers its loads),
   * never for an earlier load's text still on screen; returns the outcome.
   */
  const load = async (button: 'One call' | 'Four calls'): Promise<string> => {
    const number = ++loads;
    await page.getByRole('button', { name: button }).click();
    const done = status().filter({ hasText: new RegExp(`^#${number} (ok|error)`) });
    await done.waitFor();
    return ((await done.textContent()) ?? '').replace(`#${number} `, '');
  };

  before(async () => {
    const tarball = readdirSync(join(root, 'dist')).find((f) => /^keel-network-.*\.tgz$/.test(f));
    assert.ok(tarball, 'dist/keel-network-*.tgz is missing: run npm run build:lib -- --pack');
    temp = mkdtempSync(join(tmpdir(), 'keel-adoption-'));
    const app = freshApp(temp);
    // What `ng add @keel/network` does, in its two steps: install the package, then run its
    // ng-add schematic. (`ng add` itself asks the npm registry for the package's versions
    // before anything else, even for a tarball, and @keel/network is not published.)
    sh(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', join(root, 'dist', tarball)],
      app,
    );
    sh('npx', ['ng', 'generate', '@keel/network:ng-add', '--session', '--defaults'], app);
    const config = readFileSync(join(app, 'src', 'app', 'app.config.ts'), 'utf8');
    assert.match(config, /provideNetworkLayer\(\{ appVersion: version \}\)/);
    assert.match(config, /provideSession\(\)/);
    writeFileSync(join(app, 'src', 'app', 'app.ts'), APP_COMPONENT);
    sh('npx', ['ng', 'build'], app);
    api = await startDevApi();
    server = await startOriginServer({
      apiPort: api.port,
      file: distFiles(join(app, 'dist', 'demo', 'browser')),
    });
    browser = await chromium.launch({
      executablePath: requireChrome(),
      args: CHROME_FLAGS.filter((flag) => flag !== '--headless' && flag !== '--no-sandbox'),
    });
    page = await browser.newPage();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request);
    });
    await page.goto(server.origin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await assert.doesNotReject(
      status()
        .filter({ hasText: /^signed in$/ })
        .waitFor(),
    );
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await api?.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('sends X-App-Version, X-Request-Id and the token on a call to the API', async () => {
    apiRequests.length = 0;
    assert.equal(await load('One call'), `ok ${DEMO.email}`);
    const me = apiRequests.filter((r) => r.url().endsWith('/api/me'));
    assert.equal(me.length, 1);
    const headers = await me[0].allHeaders();
    assert.equal(headers['x-app-version'], APP_VERSION, 'the version in the app’s package.json');
    assert.match(headers['x-request-id'], /^[0-9a-f-]{36}$/);
    assert.match(headers['authorization'], /^Bearer /);
  });

  it('retries a 503 and succeeds, as the same logical call', async () => {
    apiRequests.length = 0;
    let answered503 = false;
    await page.route('**/api/me', async (route) => {
      if (answered503) return route.continue();
      answered503 = true;
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: '/problems/unavailable', title: 'Unavailable', status: 503 }),
      });
    });
    try {
      assert.equal(await load('One call'), `ok ${DEMO.email}`);
    } finally {
      await page.unroute('**/api/me');
    }
    const attempts = await Promise.all(
      apiRequests.filter((r) => r.url().endsWith('/api/me')).map((r) => r.allHeaders()),
    );
    assert.deepEqual(
      attempts.map((h) => h['x-attempt']),
      ['1', '2'],
    );
    assert.equal(attempts[0]['x-request-id'], attempts[1]['x-request-id']);
  });

  it('makes exactly one refresh for four parallel calls after every token expired', async () => {
    await dev('POST', 'reset');
    await dev('POST', 'expire-tokens');
    assert.equal(await load('Four calls'), `ok ${Array(4).fill(DEMO.email).join(' ')}`);
    const stats = (await dev('GET', 'stats')) as { refresh: { ok: number; failed: number } };
    assert.deepEqual(stats.refresh, { ok: 1, failed: 0 });
  });
});
