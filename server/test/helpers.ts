import type { FastifyInstance } from 'fastify';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { DevStatsJson } from '../../contracts/dev-api.ts';
import { buildServer } from '../src/app.ts';
import type { ServerConfig } from '../src/server-config.ts';

/** A clock tests move by hand: token expiry and rate-limit windows without waiting. */
export class TestClock {
  constructor(public time = Date.now()) {}
  now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestServer {
  app: FastifyInstance;
  base: string;
  clock: TestClock;
  close(): Promise<void>;
}

/** The real server on a random port with an in-memory database. */
export async function startServer(config: Partial<ServerConfig> = {}): Promise<TestServer> {
  const clock = new TestClock();
  const app = await buildServer({ dbPath: ':memory:', now: clock.now, ...config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, clock, close: () => app.close() };
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is, with content-type application/json unless headers say otherwise. */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** Overrides the client's token; null sends none. */
  token?: string | null;
  signal?: AbortSignal;
}

/**
 * A browser-like client: keeps cookies from Set-Cookie, sends them back, and sends the bearer
 * token once it has logged in.
 */
export class Client {
  readonly cookies = new Map<string, string>();
  token: string | undefined;

  constructor(readonly base: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? this.token : options.token;
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (this.cookies.size > 0) {
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let body: string | Buffer | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body }),
      ...(options.signal && { signal: options.signal }),
    });
    this.keepCookies(response);
    return response;
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<{ status: number; body: T; response: Response }> {
    const response = await this.request(method, path, options);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, response };
  }

  async login(email = 'demo@keel.dev', password = 'keel-demo'): Promise<LoginBody> {
    const { status, body } = await this.json<LoginBody>('POST', '/api/auth/login', {
      body: { email, password },
    });
    assert.equal(status, 200, `login as ${email}`);
    this.token = body.accessToken;
    return body;
  }

  /** The X-XSRF-TOKEN header for the XSRF cookie this client holds (fetching one if needed). */
  async xsrfHeaders(): Promise<Record<string, string>> {
    if (!this.cookies.has('XSRF-TOKEN')) await this.request('GET', '/api/_dev/stats');
    const value = this.cookies.get('XSRF-TOKEN');
    assert.ok(value, 'the server set an XSRF-TOKEN cookie');
    return { 'x-xsrf-token': value };
  }

  async refresh(): Promise<Response> {
    return this.request('POST', '/api/auth/refresh', {
      headers: await this.xsrfHeaders(),
      token: null,
    });
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const cleared = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (cleared) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export interface LoginBody {
  accessToken: string;
  expiresIn: number;
  user: { id: string; email: string; name: string; roles: string[] };
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/** Asserts an RFC 9457 response of `type` and `status`, and returns its body. */
export async function expectProblem(
  response: Response,
  status: number,
  type: string,
): Promise<Problem> {
  const text = await response.text();
  assert.equal(response.status, status, `status of ${text}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = JSON.parse(text) as Problem;
  assert.equal(problem.type, `/problems/${type}`);
  assert.equal(problem.status, status);
  assert.equal(typeof problem.title, 'string');
  return problem;
}

/** The fields named in a validation problem, sorted. */
export function fieldsOf(problem: Problem): string[] {
  return (problem.errors ?? []).map((e) => e.field).sort();
}

export async function stats(base: string): Promise<DevStatsJson> {
  return (await fetch(`${base}/api/_dev/stats`)).json() as Promise<DevStatsJson>;
}

/** Polls the server's stats until `check` holds: the server, not a timer, says when. */
export async function untilStats(
  base: string,
  check: (s: DevStatsJson) => boolean,
): Promise<DevStatsJson> {
  for (let i = 0; i < 1000; i++) {
    const current = await stats(base);
    if (check(current)) return current;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail('the server stats never reached the expected state');
}

export async function orderCount(client: Client): Promise<number> {
  const { body } = await client.json<{ total: number }>('GET', '/api/orders?pageSize=1');
  return body.total;
}

export async function putChaos(base: string, config: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${base}/api/_dev/chaos`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
  assert.equal(response.status, 200, await response.text());
}

export interface PlainAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request through node:http, which (unlike fetch) sends the `Host` it is given, or none
 * with `host: null`.
 */
export function plainRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string | null> = {},
  body?: string,
): Promise<PlainAnswer> {
  const { hostname, port } = new URL(base);
  const { host, ...others } = headers;
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(others)) if (value !== null) sent[name] = value;
  if (body !== undefined) {
    sent['content-type'] ??= 'application/json';
    // Node frames a DELETE body only with a length; without one it would read as a 2nd request.
    sent['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        hostname,
        port,
        method,
        path,
        headers: host ? { ...sent, host } : sent,
        setHost: host !== null,
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Asserts a problem+json answer from `plainRequest`, and returns its body. */
export function expectPlainProblem(answer: PlainAnswer, status: number, type: string): Problem {
  assert.equal(answer.status, status, `status of ${answer.body}`);
  assert.match(answer.headers['content-type'] ?? '', /^application\/problem\+json/);
  const problem = JSON.parse(answer.body) as Problem;
  assert.equal(problem.type, `/problems/${type}`);
  assert.equal(problem.status, status);
  return problem;
}

/**
 * Writes `bytes` on a fresh TCP connection in one write and resolves with everything the
 * server sent until it closed: for what fetch and node:http refuse to send (bad framing,
 * oversized headers). Send `Connection: close` with well-formed requests.
 */
export function rawExchange(
  base: string,
  bytes: string,
  { halfClose = false }: { halfClose?: boolean } = {},
): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // halfClose: the client says it is done sending (FIN) right after the bytes.
    const socket = connect(Number(port), hostname, () =>
      halfClose ? socket.end(bytes) : socket.write(bytes),
    );
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** The first HTTP/1.1 response in `text`, read just enough for assertions. */
export function parseRawResponse(text: string): PlainAnswer {
  const headEnd = text.indexOf('\r\n\r\n');
  assert.ok(headEnd > 0, `an HTTP response, not ${JSON.stringify(text.slice(0, 200))}`);
  const [statusLine = '', ...lines] = text.slice(0, headEnd).split('\r\n');
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = Buffer.from(text.slice(headEnd + 4))
    .subarray(0, length)
    .toString('utf8');
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}
