// The HTTP stacks the bench compares, each behind one small interface. Keel's is the real
// network layer (provideNetworkLayer + provideSession) in a minimal Angular application with
// no UI, compiled JIT; the others are the baselines and peers named in issues 7 and 10.
import {
  FetchBackend,
  type HttpBackend,
  HttpClient,
  HttpContext,
  HttpErrorResponse,
  type HttpEvent,
  HttpEventType,
  HttpHeaders,
  type HttpInterceptorFn,
  type HttpRequest,
  HttpResponse,
  provideHttpClient,
  withFetch,
  withInterceptors,
} from '@angular/common/http';
import {
  type ApplicationRef,
  type EnvironmentProviders,
  ErrorHandler,
  type Provider,
  inject,
  provideZonelessChangeDetection,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import axios, { type AxiosInstance } from 'axios';
import createAuthRefreshInterceptor from 'axios-auth-refresh';
import axiosRetry from 'axios-retry';
import ky, { type KyInstance } from 'ky';
import {
  Observable,
  catchError,
  firstValueFrom,
  retry,
  switchMap,
  throwError,
  timeout,
} from 'rxjs';
import { SessionService, provideSession } from '@keel/network/session';
import {
  IDEMPOTENCY_KEY,
  NETWORK_CALL_SINK,
  type NetworkCallRecord,
  type NetworkLayerOptions,
  provideNetworkLayer,
} from '@keel/network';
import { provideObservability } from '@keel/network/observability';
import { version } from '../../package.json';
import { countAttemptFailure, countHandledByAngular } from './counters';
import { DEMO } from './demo-user';
import type { StackName } from './stack-names';

export type { StackName } from './stack-names';
export { DEMO } from './demo-user';

export interface StackOptions {
  /** Keel: passed to provideNetworkLayer. */
  readonly keel?: NetworkLayerOptions;
  /** Peers with a timeout option (naive, axios, ky): one attempt's timeout in ms. */
  readonly attemptTimeoutMs?: number;
  /**
   * Angular stacks: a backend that answers every request at once, in place of fetch, so a
   * call costs only the page's own work (the in-page overhead figure).
   */
  readonly instantBackend?: boolean;
  /** Keel: tally every failed attempt's kind (counters.ts `attemptFailures`). */
  readonly logAttempts?: boolean;
}

export interface Stack {
  readonly name: StackName;
  /** Signs in: a new session and a new refresh-token family. */
  login(): Promise<void>;
  get<T = unknown>(url: string): Promise<T>;
  /** POST /api/orders, with an Idempotency-Key where the stack has a way to send one. */
  createOrder<T = unknown>(body: unknown): Promise<T>;
  dispose(): void;
}

interface TokenBox {
  value: string | null;
}

/** Plain fetch: signing in is not what is measured, and every non-Keel stack shares it. */
async function fetchLogin(): Promise<string> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const countingErrorHandler: Provider = {
  provide: ErrorHandler,
  useValue: { handleError: countHandledByAngular },
};

const INSTANT_HEADERS = new HttpHeaders({ 'X-Flags-Version': '1', 'X-Request-Id': 'instant' });
const INSTANT_USER = { id: 'usr_demo', email: DEMO.email, name: 'Demo User', roles: ['user'] };

/** Answers on the next microtask, as fetch would at best: a sent event, then the response. */
class InstantBackend implements HttpBackend {
  handle(req: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    return new Observable<HttpEvent<unknown>>((subscriber) => {
      let cancelled = false;
      void Promise.resolve().then(() => {
        if (cancelled) return;
        const body = req.url.endsWith('/api/auth/login')
          ? { accessToken: 'instant', expiresIn: 3600, user: INSTANT_USER }
          : INSTANT_USER;
        subscriber.next({ type: HttpEventType.Sent });
        subscriber.next(
          new HttpResponse({ status: 200, url: req.url, headers: INSTANT_HEADERS, body }),
        );
        subscriber.complete();
      });
      return () => (cancelled = true);
    });
  }
}

async function angularApp(
  options: StackOptions,
  providers: (Provider | EnvironmentProviders)[],
): Promise<ApplicationRef> {
  return createApplication({
    providers: [
      provideZonelessChangeDetection(),
      ...providers,
      ...(options.instantBackend ? [{ provide: FetchBackend, useClass: InstantBackend }] : []),
      countingErrorHandler,
    ],
  });
}

const attemptLog: Provider = {
  provide: NETWORK_CALL_SINK,
  useValue: {
    record: (call: NetworkCallRecord) => {
      for (const attempt of call.attempts)
        if (attempt.errorKind) countAttemptFailure(attempt.errorKind);
    },
  },
};

function bearer<T>(req: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/**
 * The refresh interceptor of common blog posts: add the token, and on any 401 call the refresh
 * endpoint and replay with the new token. No sharing between concurrent 401s.
 */
function naiveAuthInterceptor(box: TokenBox): HttpInterceptorFn {
  return (req, next) => {
    if (req.url.includes('/api/auth/')) return next(req);
    const http = inject(HttpClient);
    return next(bearer(req, box.value)).pipe(
      catchError((error: unknown) => {
        if (!(error instanceof HttpErrorResponse) || error.status !== 401)
          return throwError(() => error);
        return http.post<{ accessToken: string }>('/api/auth/refresh', null).pipe(
          switchMap(({ accessToken }) => {
            box.value = accessToken;
            return next(bearer(req, accessToken));
          }),
        );
      }),
    );
  };
}

function tokenInterceptor(box: TokenBox): HttpInterceptorFn {
  return (req, next) => next(bearer(req, box.value));
}

/** `retry(3)` on whatever fails, as blog posts write it; optionally a timeout per attempt. */
function naiveRetryInterceptor(attemptTimeoutMs?: number): HttpInterceptorFn {
  return (req, next) => {
    const attempt: Observable<HttpEvent<unknown>> = attemptTimeoutMs
      ? next(req).pipe(timeout(attemptTimeoutMs))
      : next(req);
    return attempt.pipe(retry(3));
  };
}

async function keelStack(name: 'keel' | 'keel-app', options: StackOptions): Promise<Stack> {
  const app = await angularApp(options, [
    provideRouter([{ path: '**', children: [] }]),
    // As app.config.ts does: the app's version from its package.json.
    provideNetworkLayer({ appVersion: version, ...options.keel }),
    provideSession(),
    ...(name === 'keel-app' ? [provideObservability()] : []),
    ...(options.logAttempts ? [attemptLog] : []),
  ]);
  const http = app.injector.get(HttpClient);
  const session = app.injector.get(SessionService);
  const idempotent = () => new HttpContext().set(IDEMPOTENCY_KEY, 'auto');
  return {
    name,
    login: () => session.signIn(DEMO.email, DEMO.password),
    get: <T>(url: string) => firstValueFrom(http.get<T>(url)),
    createOrder: <T>(body: unknown) =>
      firstValueFrom(http.post<T>('/api/orders', body, { context: idempotent() })),
    dispose: () => app.destroy(),
  };
}

async function angularPeerStack(name: StackName, options: StackOptions): Promise<Stack> {
  const box: TokenBox = { value: null };
  const interceptors: HttpInterceptorFn[] =
    name === 'naive-auth'
      ? [naiveAuthInterceptor(box)]
      : name === 'naive-retry'
        ? [tokenInterceptor(box), naiveRetryInterceptor()]
        : name === 'naive'
          ? [naiveAuthInterceptor(box), naiveRetryInterceptor(options.attemptTimeoutMs)]
          : [];
  const app = await angularApp(options, [
    provideHttpClient(withFetch(), withInterceptors(interceptors)),
  ]);
  const http = app.injector.get(HttpClient);
  // The bare client has no interceptor: it sets the header itself, so the server does the same
  // work for it as for Keel.
  const headers = () =>
    name === 'bare' && box.value
      ? new HttpHeaders({ Authorization: `Bearer ${box.value}` })
      : name === 'bare-headers' && box.value
        ? keelHeaders(box.value)
        : undefined;
  return {
    name,
    login: async () => {
      box.value = await fetchLogin();
    },
    get: <T>(url: string) => firstValueFrom(http.get<T>(url, { headers: headers() })),
    createOrder: <T>(body: unknown) =>
      firstValueFrom(http.post<T>('/api/orders', body, { headers: headers() })),
    dispose: () => app.destroy(),
  };
}

/**
 * The headers Keel sends on an allow-listed call's first attempt, built by hand: the token,
 * `X-Request-Id`, `X-Attempt`, the version headers and a W3C `traceparent` whose trace id is
 * the request id (as @keel/network's request-id.ts makes them).
 */
function keelHeaders(token: string): HttpHeaders {
  const requestId = crypto.randomUUID();
  const spanId = crypto.randomUUID().replace(/-/g, '').slice(-16);
  return new HttpHeaders({
    Authorization: `Bearer ${token}`,
    'X-Request-Id': requestId,
    'X-Attempt': '1',
    'X-App-Version': version,
    'X-Platform': 'web',
    traceparent: `00-${requestId.replace(/-/g, '')}-${spanId}-01`,
  });
}

function axiosStack(name: StackName, options: StackOptions): Stack {
  const box: TokenBox = { value: null };
  const instance: AxiosInstance = axios.create(
    name === 'axios' && options.attemptTimeoutMs ? { timeout: options.attemptTimeoutMs } : {},
  );
  // The token is read per request, as axios-auth-refresh's README asks, so stalled and replayed
  // requests pick up the new one.
  instance.interceptors.request.use((config) => {
    if (box.value) config.headers.set('Authorization', `Bearer ${box.value}`);
    return config;
  });
  if (name === 'axios-auth-refresh' || name === 'axios') {
    // Its README's refresh logic: the refresh goes through the default axios instance (which
    // sends the XSRF header for same-origin calls by default).
    createAuthRefreshInterceptor(
      instance,
      async (failedRequest: {
        response: { config: { headers: { set(n: string, v: string): void } } };
      }) => {
        const { data } = await axios.post<{ accessToken: string }>('/api/auth/refresh');
        box.value = data.accessToken;
        failedRequest.response.config.headers.set('Authorization', `Bearer ${data.accessToken}`);
      },
    );
  }
  if (name === 'axios-retry' || name === 'axios') axiosRetry(instance);
  return {
    name,
    login: async () => {
      box.value = await fetchLogin();
    },
    get: async <T>(url: string) => (await instance.get<T>(url)).data,
    createOrder: async <T>(body: unknown) => (await instance.post<T>('/api/orders', body)).data,
    dispose: () => undefined,
  };
}

/**
 * ky 2 with the settings its README documents for a client like Keel's: a 10 s timeout per
 * attempt, a total timeout across retries (Keel's 30 s deadline) and full-jitter backoff.
 */
function kyStack(options: StackOptions): Stack {
  const box: TokenBox = { value: null };
  const client: KyInstance = ky.create({
    timeout: options.attemptTimeoutMs ?? 10_000,
    totalTimeout: 30_000,
    retry: { jitter: true },
    hooks: {
      beforeRequest: [
        ({ request }) => {
          if (box.value) request.headers.set('Authorization', `Bearer ${box.value}`);
        },
      ],
    },
  });
  return {
    name: 'ky',
    login: async () => {
      box.value = await fetchLogin();
    },
    get: <T>(url: string) => client.get(url.replace(/^\//, location.origin + '/')).json<T>(),
    createOrder: <T>(body: unknown) =>
      client.post(`${location.origin}/api/orders`, { json: body }).json<T>(),
    dispose: () => undefined,
  };
}

export async function createStack(name: StackName, options: StackOptions = {}): Promise<Stack> {
  switch (name) {
    case 'keel':
    case 'keel-app':
      return keelStack(name, options);
    case 'bare':
    case 'bare-headers':
    case 'naive-auth':
    case 'naive-retry':
    case 'naive':
      return angularPeerStack(name, options);
    case 'axios-auth-refresh':
    case 'axios-retry':
    case 'axios':
      return axiosStack(name, options);
    case 'ky':
      return kyStack(options);
  }
}
