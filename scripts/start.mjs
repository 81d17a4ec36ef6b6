#!/usr/bin/env node
// `npm start`: the dev API and `ng serve` together (ng serve proxies /api to the API, see
// proxy.conf.mjs). Ctrl-C, SIGTERM or SIGHUP stops both; if either one exits, the other is
// stopped too.
//
// Each child runs its CLI with this Node directly (no `npx` wrapper that might not pass a
// signal on) in a process group of its own, and is stopped by signalling the whole group, so
// the processes they start themselves (tsx's loader process, ng serve's workers) go too and the
// ports are free when this exits. scripts/start.test.ts checks it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();

const require = createRequire(import.meta.url);
const apiPort = process.env.API_PORT ?? '3000';
const appPort = process.env.APP_PORT ?? '4200';
const tsx = require.resolve('tsx/cli');
const ng = require.resolve('@angular/cli/bin/ng.js');

const children = [
  spawn(process.execPath, [tsx, 'server/src/main.ts'], {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, API_PORT: apiPort },
  }),
  spawn(process.execPath, [ng, 'serve', '--port', appPort], {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, API_PORT: apiPort },
  }),
];

console.log(
  [
    '',
    `  Keel is starting: open http://localhost:${appPort} when ng serve says it is ready.`,
    '  Sign in with demo@keel.dev / keel-demo.',
    `  The dev API listens on http://127.0.0.1:${apiPort}; Ctrl-C stops both.`,
    '',
  ].join('\n'),
);

const running = new Set(children);
let stopping = false;

function stopAll(code) {
  if (!stopping) {
    stopping = true;
    process.exitCode = code;
    for (const child of running) signalGroup(child, 'SIGTERM');
    // A child that ignores SIGTERM is killed: the ports must be free when this exits.
    setTimeout(() => {
      for (const child of running) signalGroup(child, 'SIGKILL');
    }, 3000).unref();
  }
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

for (const child of children) {
  child.on('exit', (code) => {
    running.delete(child);
    // The group may outlive its leader (a worker still holding a port).
    signalGroup(child, 'SIGTERM');
    stopAll(code ?? 0);
  });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));
