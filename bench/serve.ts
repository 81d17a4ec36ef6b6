// One origin, as in production: serves files (the bench harness from memory, or the app's
// production build: scripts/serve-dist.ts) and proxies /api to the dev API, like ng serve does
// for the app (so cookies, XSRF and SameSite behave as in the app).
// When the API drops or never answers, the browser's connection is dropped or kept waiting
// too, as proxy.conf.mjs does; when the browser gives up, the upstream request is abandoned.
import { Agent, type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HarnessFile } from './build-harness';

export interface BenchServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** The harness files by path, on a free port. */
export function startBenchServer(
  apiPort: number,
  files: ReadonlyMap<string, HarnessFile>,
): Promise<BenchServer> {
  return startOriginServer({ apiPort, file: (path) => files.get(path) });
}

export interface OriginServerOptions {
  readonly apiPort: number;
  /** The file for a path; undefined answers 404. */
  readonly file: (path: string) => HarnessFile | undefined;
  /** 0 (the default) takes a free port. */
  readonly port?: number;
  /** Cache-Control of the files. @default 'no-store' */
  readonly cacheControl?: string;
}

export async function startOriginServer({
  apiPort,
  file: fileAt,
  port: wantedPort = 0,
  cacheControl = 'no-store',
}: OriginServerOptions): Promise<BenchServer> {
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
    const file = fileAt(path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': cacheControl });
    res.end(file.body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(wantedPort, '127.0.0.1', resolve));
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
