import type { HttpContext, HttpContextToken, HttpRequest } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { Injectable, Injector, type ProviderToken, inject } from '@angular/core';
import { ApiVersionSignals } from './api-version-signals';
import { ATTEMPT_TIMEOUT } from './attempt-timeout-interceptor';
import { ACCESS_TOKEN_SOURCE } from './access-token-source';
import { SKIP_AUTH } from './auth-interceptor';
import { CallPlan, type PlanLayer } from './call-plan';
import { DEADLINE } from './deadline-interceptor';
import { NETWORK_CLOCK } from './network-clock';
import {
  API_ORIGINS,
  APP_PLATFORM,
  APP_VERSION,
  AUTH_PATHS,
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  DEFAULT_DEADLINE_MS,
  RETRY_POLICY,
  SENTRY_TRACE_TARGET,
} from './network-layer-options';
import { NETWORK_STATUS } from './network-status';
import { BACKGROUND, STREAMING } from './observability-interceptor';
import { originOf, originSet, resolveUrl } from './origin';
import { OriginDispatcher } from './origin-dispatcher';
import { OriginHealth } from './origin-health';
import { newRequestId, newTraceId, uuidOf } from './request-id';
import { IDEMPOTENCY_KEY, RETRY, RETRY_RANDOM } from './retry-interceptor';

/**
 * Derives the plan of each logical call (DESIGN.md, "Facts of a call are derived once"), and
 * holds what every stage needs, resolved once per injector: the options (the allow-list as a
 * set of origins), the seams and the services. The inner stages reach all of it through
 * `plan.layer` instead of injecting it on every call. `provideNetworkLayer()` provides it again
 * in its own injector, so it reads the options of the injector the layer was set up in.
 */
@Injectable({ providedIn: 'root' })
export class CallPlanner implements PlanLayer {
  readonly clock = inject(NETWORK_CLOCK);
  readonly network = inject(NETWORK_STATUS);
  readonly random = inject(RETRY_RANDOM);
  readonly tokens = inject(ACCESS_TOKEN_SOURCE);
  readonly versions = inject(ApiVersionSignals);
  readonly health = inject(OriginHealth);
  readonly dispatcher = inject(OriginDispatcher);
  readonly appVersion = inject(APP_VERSION);
  readonly platform = inject(APP_PLATFORM);
  readonly sentryTraceTarget = inject(SENTRY_TRACE_TARGET);

  private readonly base = inject(DOCUMENT).baseURI;
  private readonly baseOrigin = originOf(this.base, this.base) ?? '';
  private readonly allowed = originSet(inject(API_ORIGINS), this.base);
  private readonly authPaths = inject(AUTH_PATHS);
  private readonly deadlineMs = inject(DEFAULT_DEADLINE_MS);
  private readonly attemptTimeoutMs = inject(DEFAULT_ATTEMPT_TIMEOUT_MS);
  private readonly policy = inject(RETRY_POLICY);
  private readonly injector = inject(Injector);
  private readonly resolved = new Map<ProviderToken<unknown>, unknown>();

  plan(req: HttpRequest<unknown>): CallPlan {
    const { context, method } = req;
    const now = this.clock.now();
    // 'unknown' is no origin a URL can have, so it is never on the allow-list.
    const { origin = 'unknown', path } = resolveUrl(req.url, this.base, this.baseOrigin);
    const allowListed = this.allowed.has(origin);
    const retry = read(context, RETRY);
    const streaming = read(context, STREAMING);
    const traceId = newTraceId();
    return new CallPlan(this, {
      method,
      url: req.urlWithParams,
      origin,
      path,
      allowListed,
      authPath: this.isAuthPath(path),
      authenticated: allowListed && !read(context, SKIP_AUTH),
      requestId: uuidOf(traceId),
      traceId,
      startedAt: now,
      deadlineAt: now + (read(context, DEADLINE) ?? this.deadlineMs),
      attemptTimeoutMs: read(context, ATTEMPT_TIMEOUT) ?? this.attemptTimeoutMs,
      background: streaming || read(context, BACKGROUND),
      streaming,
      // A stream is never retried by the layer: its owner reconnects (README, "STREAMING").
      retry:
        streaming || retry === 'none' ? null : retry ? { ...this.policy, ...retry } : this.policy,
      idempotencyKey: idempotencyKey(req),
    });
  }

  resolve<T>(token: ProviderToken<T>): T {
    // Stryker disable next-line ConditionalExpression: looking up again gives the same instance (the injector keeps it); the map only saves the lookup's time
    if (!this.resolved.has(token)) this.resolved.set(token, this.injector.get(token));
    return this.resolved.get(token) as T;
  }

  private isAuthPath(path: string): boolean {
    for (const prefix of this.authPaths) if (path.startsWith(prefix)) return true;
    return false;
  }
}

/** The call's key: an `Idempotency-Key` header the caller set wins over `IDEMPOTENCY_KEY`. */
function idempotencyKey(req: HttpRequest<unknown>): string | null {
  // Only writes can be keyed; reading the caller's headers costs, so reads skip it.
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const key = read(req.context, IDEMPOTENCY_KEY);
  const header = req.headers.get('Idempotency-Key');
  if (header) return header;
  if (!key) return null;
  return key === 'auto' ? newRequestId() : key;
}

/**
 * A token's value in the caller's context. `HttpContext.get` writes the default of a token it
 * does not hold into the context; read this way the context stays as the caller made it, and
 * the plan's copy of it (`withPlan`) has only the caller's own entries to copy.
 */
function read<T>(context: HttpContext, token: HttpContextToken<T>): T {
  return context.has(token) ? context.get(token) : token.defaultValue();
}
