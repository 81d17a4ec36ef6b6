// The bench's one origin: serves the harness files from memory and proxies /api to the dev
// API, like ng serve does for the app (so cookies, XSRF and SameSite behave as in the app).
// When the API drops or never answers, the browser's connection is dropped or kept waiting
// too, as proxy.conf.mjs does; when the browser gives up, the upstream request is abandoned.
import { Agent, type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HarnessFile } from './build-harness';

export interface BenchServer {
  readonly origin: string;
  close(): Promise<void>;
}

export async function startBenchServer(
  apiPort: number,
  files: ReadonlyMap<string, HarnessFile>,
): Promise<BenchServer> {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

  const proxy = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = request(
      {
        host: '127.0.0.1',
        port: apiPort,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${apiPort}` },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
        answer.on('aborted', () => res.destroy());
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/api/')) return proxy(req, res);
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-store' });
    res.end(file.body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
