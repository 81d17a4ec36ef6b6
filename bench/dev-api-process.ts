// Starts the project's dev API (server/) for the bench on a free port (API_PORT=0), with an
// in-memory database, and stops it again. Its per-request log lines are read and dropped.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface DevApiProcess {
  readonly port: number;
  stop(): Promise<void>;
}

const root = join(__dirname, '..');

export async function startDevApi(env: Record<string, string> = {}): Promise<DevApiProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), join(root, 'server/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        API_PORT: '0',
        DB_PATH: ':memory:',
        NODE_ENV: 'development',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 50) stderr.shift();
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on http:\/\/[^:\s]+:(\d+)/.exec(seen);
      if (match) {
        child.stdout?.off('data', onData);
        // Keep draining the request log, or the server would block on a full pipe.
        child.stdout?.resume();
        resolve(Number(match[1]));
      }
      if (seen.length > 10_000) seen = seen.slice(-1000);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`the dev API exited with ${code} before listening:\n${stderr.join('')}`)),
    );
  });
  child.removeAllListeners('exit');
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
