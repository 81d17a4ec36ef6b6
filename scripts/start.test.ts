// `npm start` stops both servers on SIGTERM and SIGHUP (issue 13): started as a developer
// would, on ports of its own, signalled once both answer; both ports must be free within 5 s.
// SIGTERM goes to the npm process (`kill <pid>`); SIGHUP to its whole process group, as a
// closing terminal sends it (npm itself does not pass SIGHUP on).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { test } from 'node:test';

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Whether something accepts connections on `port` (either address family). */
async function listening(port: number): Promise<boolean> {
  for (const host of ['127.0.0.1', '::1']) {
    const answered = await new Promise<boolean>((resolve) => {
      const socket = connect({ port, host });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (answered) return true;
  }
  return false;
}

/** Polls `condition` every 100 ms until it holds or `ms` have passed. */
async function within(ms: number, condition: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
  test(`npm start frees both ports within 5 s of ${signal}`, { timeout: 240_000 }, async () => {
    const apiPort = await freePort();
    const appPort = await freePort();
    const start: ChildProcess = spawn('npm', ['start', '--silent'], {
      env: {
        ...process.env,
        API_PORT: String(apiPort),
        APP_PORT: String(appPort),
        DB_PATH: ':memory:',
      },
      stdio: 'ignore',
      detached: true,
    });
    try {
      const up = await within(
        180_000,
        async () => (await listening(apiPort)) && (await listening(appPort)),
      );
      assert.ok(up, 'the API and ng serve start');
      if (signal === 'SIGTERM') start.kill(signal);
      else process.kill(-(start.pid as number), signal);
      const freed = await within(
        5_000,
        async () => !(await listening(apiPort)) && !(await listening(appPort)),
      );
      assert.ok(freed, `both ports are free within 5 s of ${signal}`);
    } finally {
      try {
        process.kill(-(start.pid as number), 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
  });
}
