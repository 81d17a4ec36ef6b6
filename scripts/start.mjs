#!/usr/bin/env node
// `npm start`: the dev API and `ng serve` together (ng serve proxies /api to the API, see
// proxy.conf.mjs). Ctrl-C stops both; if either one exits, the other is stopped too.
import { spawn } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();

const apiPort = process.env.API_PORT ?? '3000';
const children = [
  spawn('npx', ['tsx', 'server/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, API_PORT: apiPort },
  }),
  spawn('npx', ['ng', 'serve', '--port', '4200'], { stdio: 'inherit' }),
];

console.log(
  [
    '',
    '  Keel is starting: open http://localhost:4200 when ng serve says it is ready.',
    '  Sign in with demo@keel.dev / keel-demo.',
    `  The dev API listens on http://127.0.0.1:${apiPort}; Ctrl-C stops both.`,
    '',
  ].join('\n'),
);

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
