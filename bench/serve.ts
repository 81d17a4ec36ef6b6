// One origin, as in production: serves files (the bench harness from memory, or the app's
// production build: scripts/serve-dist.ts) and proxies /api to the dev API, like ng serve does
// for the app (so cookies, XSRF and SameSite behave as in the app).
// When the API drops or never answers, the browser's connection is dropped or kept waiting
// too, as proxy.conf.mjs does; when the browser gives up, the upstream request is abandoned.
import { Agent, type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { HarnessFile } from './build-harness';

export interface BenchServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * The harness files by path, on a free port. Cross-origin isolated (COOP + COEP), so the page's
 * `performance.now()` has 5 µs resolution instead of 100 µs: the bench times single calls of a
 * few ms, and splits them into parts of a few hundred µs.
 */
export function startBenchServer(
  apiPort: number,
  files: ReadonlyMap<string, HarnessFile>,
): Promise<BenchServer> {
  return startOriginServer({
    apiPort,
    file: (path) => files.get(path),
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  });
}

export interface OriginServerOptions {
  readonly apiPort: number;
  /** The file for a path; undefined answers 404. */
  readonly file: (path: string) => HarnessFile | undefined;
  /** 0 (the default) takes a free port. */
  readonly port?: number;
  /** Cache-Control of the files. @default 'no-store' */
  readonly cacheControl?: string;
  /**
   * Brotli (or gzip) for text files the browser accepts it for, as a production host does;
   * each body is compressed once. @default false
   */
  readonly compress?: boolean;
  /** Sent with every file (not with proxied /api answers, which carry the API's own). */
  readonly headers?: Readonly<Record<string, string>>;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json))/;

export async function startOriginServer({
  apiPort,
  file: fileAt,
  port: wantedPort = 0,
  cacheControl = 'no-store',
  compress = false,
  headers: fileHeaders = {},
}: OriginServerOptions): Promise<BenchServer> {
  const compressed = new Map<string, Buffer>();
  const encode = (body: Buffer, encoding: 'br' | 'gzip'): Buffer => {
    const key = `${encoding}:${createHash('sha1').update(body).digest('hex')}`;
    let out = compressed.get(key);
    if (!out) {
      out =
        encoding === 'br'
          ? brotliCompressSync(body, {
              params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 },
            })
          : gzipSync(body, { level: 9 });
      compressed.set(key, out);
    }
    return out;
  };
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
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding =
      !compress || !COMPRESSIBLE.test(file.contentType)
        ? null
        : /\bbr\b/.test(accepted)
          ? 'br'
          : /\bgzip\b/.test(accepted)
            ? 'gzip'
            : null;
    const headers: Record<string, string> = {
      ...fileHeaders,
      'Content-Type': file.contentType,
      'Cache-Control': cacheControl,
    };
    if (compress) headers['Vary'] = 'Accept-Encoding';
    if (encoding) headers['Content-Encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(encoding ? encode(file.body, encoding) : file.body);
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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The files of a built Angular app (`dist/<app>/browser`), read from disk on every request, the
 * way a production host serves them: a path without a file extension is an app route and gets
 * `index.html`; anything outside `root` is 404.
 */
export function distFiles(root: string): (path: string) => HarnessFile | undefined {
  return (path) => {
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '');
    } catch {
      return undefined;
    }
    if (relative.startsWith('..')) return undefined;
    const name = extname(relative) === '' ? 'index.html' : relative;
    const full = join(root, name);
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    return {
      contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
      body: readFileSync(full),
    };
  };
}
