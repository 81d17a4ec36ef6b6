// Headless Chromium driven over the Chrome DevTools Protocol directly (`--remote-debugging-pipe`),
// with only the commands the bench needs: Runtime.evaluate, Emulation (CPU throttling) and, for
// bench:profile, Profiler. No domain's events are enabled, Runtime's included: with
// `Runtime.enable` Chromium also captures the JavaScript stack inside each `fetch()` (measured
// with BENCH_PROFILE_FETCH_DEPTH=1: 135 µs at depth 1, 240 µs at depth 200; 125–145 µs at every
// depth without it). Errors that escape in the page are counted by the page itself
// (harness/counters.ts), as results.json's `pageCounters`.
//
// Why not Playwright here: Playwright enables the Network domain on every page it drives, and
// with it Chromium captures the JavaScript stack of each request's initiator inside `fetch()`.
// That cost grows with the stack's depth (measured with `BENCH_PROFILE_FETCH_DEPTH=1 npm run
// bench:profile`: the synchronous part of one `fetch()` went from 0.8 ms at depth 1 to 1.5 ms at
// depth 200 under Playwright, and stayed at 0.5 ms at every depth without it), so it charges an
// interceptor chain per request for something a user's browser never does. The e2e tests keep
// Playwright; the timed pages of the bench do not.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireChrome, CHROME_FLAGS } = require('../scripts/find-chrome.cjs') as {
  requireChrome: () => string;
  CHROME_FLAGS: string[];
};

/** The flags Playwright adds for a steady page, kept so figures stay comparable with e2e. */
const STEADY_FLAGS = [
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-ipc-flooding-protection',
  '--disable-hang-monitor',
  '--no-default-browser-check',
];

/** A message on the pipe; only answers to commands (with an `id`) are read. */
interface Message {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export class CdpBrowser {
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly userDataDir: string,
  ) {
    const input = child.stdio[4] as Readable;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        this.dispatch(message);
      }
    });
  }

  static async launch(): Promise<CdpBrowser> {
    const userDataDir = mkdtempSync(join(tmpdir(), 'keel-bench-chromium-'));
    const child = spawn(
      requireChrome(),
      [
        ...CHROME_FLAGS,
        ...STEADY_FLAGS,
        '--remote-debugging-pipe',
        `--user-data-dir=${userDataDir}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    const browser = new CdpBrowser(child, userDataDir);
    await browser.send('Browser.getVersion');
    return browser;
  }

  /** `156.0.8078.114`, as Playwright's `browser.version()` says it. */
  async version(): Promise<string> {
    const { product } = (await this.send('Browser.getVersion')) as { product: string };
    return product.split('/').pop() ?? product;
  }

  /** Opens a tab at `url`, attached in flat mode: its commands carry the session id. */
  async newPage(url: string): Promise<CdpPage> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as {
      targetId: string;
    };
    const { sessionId } = (await this.send('Target.attachToTarget', {
      targetId,
      flatten: true,
    })) as { sessionId: string };
    const page = new CdpPage(this, sessionId);
    await page.send('Page.navigate', { url });
    return page;
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const output = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) =>
        message.error
          ? reject(new Error(`${method}: ${message.error.message}`))
          : resolve(message.result ?? {}),
      );
      output.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    rmSync(this.userDataDir, { recursive: true, force: true });
  }

  /** Answers to commands; no domain's events are enabled (see the top of this file). */
  private dispatch(message: Message): void {
    if (message.id === undefined) return;
    const settle = this.pending.get(message.id);
    this.pending.delete(message.id);
    settle?.(message);
  }
}

export class CdpPage {
  constructor(
    private readonly browser: CdpBrowser,
    private readonly sessionId: string,
  ) {}

  send(method: string, params: object = {}): Promise<Record<string, unknown>> {
    return this.browser.send(method, params, this.sessionId);
  }

  /**
   * Evaluates `expression` in the page, awaiting a promise, and returns its value as JSON
   * carries it. A thrown error or a rejected promise rejects with the page's message.
   */
  async evaluate<T>(expression: string): Promise<T> {
    const answer = (await this.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (answer.exceptionDetails)
      throw new Error(
        answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text,
      );
    return answer.result.value as T;
  }

  /** Calls `window.keelBench[name](arg)` and returns its result. */
  bench<T>(name: string, arg?: unknown): Promise<T> {
    return this.evaluate<T>(
      `window.keelBench[${JSON.stringify(name)}](${arg === undefined ? '' : JSON.stringify(arg)})`,
    );
  }

  /** Resolves once `expression` is truthy in the page (polled every 50 ms, up to `ms`). */
  async waitFor(expression: string, ms = 30_000): Promise<void> {
    const until = Date.now() + ms;
    while (!(await this.evaluate<boolean>(`Boolean(${expression})`).catch(() => false))) {
      if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
