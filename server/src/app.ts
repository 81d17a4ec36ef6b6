import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { AccessTokens } from './auth/access-tokens.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { authenticate } from './auth/authenticate.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import { registerMeRoute } from './auth/me-route.ts';
import { RefreshSessions } from './auth/refresh-sessions.ts';
import { UserStore } from './auth/user-store.ts';
import { installXsrfCookie } from './auth/xsrf.ts';
import { registerCatalogRoutes } from './catalog/catalog-routes.ts';
import { noChaos, type ChaosState } from './chaos/chaos-config.ts';
import { installChaos } from './chaos/install-chaos.ts';
import { DashboardQueries } from './dashboard/dashboard-queries.ts';
import { registerDashboardRoutes } from './dashboard/dashboard-routes.ts';
import { openDatabase } from './db/open-database.ts';
import { seedDatabase } from './db/seed-database.ts';
import { DevStats } from './dev/dev-stats.ts';
import { registerDevRoutes } from './dev/dev-routes.ts';
import { countAnswers, countArrivals } from './dev/install-stats.ts';
import { SentrySink } from './dev/sentry-sink.ts';
import { FeatureFlags } from './flags/feature-flags.ts';
import { flagDefinitions } from './flags/flag-definitions.ts';
import { FlagStreams, REAL_INTERVALS, registerFlagStreamRoute } from './flags/flag-stream.ts';
import { registerFlagsRoutes } from './flags/flags-routes.ts';
import { clientErrorHandler } from './http/client-error-handler.ts';
import { commonHeaders, installCommonHeaders } from './http/install-common-headers.ts';
import { installErrorHandling } from './http/install-error-handling.ts';
import { installOriginGuard } from './http/install-origin-guard.ts';
import { installQueryGuard } from './http/install-query-guard.ts';
import { installRequestLog } from './http/install-request-log.ts';
import { OriginPolicy } from './http/origin-policy.ts';
import { requestIdOf } from './http/request-id.ts';
import { sendProblem } from './http/send-problem.ts';
import { toHttpProblem } from './http/to-http-problem.ts';
import { IdempotencyStore } from './idempotency/idempotency-store.ts';
import { OrdersRepository } from './orders/orders-repository.ts';
import { registerOrdersRoutes } from './orders/orders-routes.ts';
import type { ServerConfig } from './server-config.ts';
import { installVersionPolicy } from './version/install-version-policy.ts';
import { VersionPolicy } from './version/version-policy.ts';

/** The dev API, ready to `listen`. Used by `main.ts` and by every server test. */
export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const now = config.now ?? Date.now;
  const random = config.random ?? Math.random;
  const log = config.log ?? (() => undefined);
  const production = config.production ?? false;

  const db = openDatabase(config.dbPath);
  if (db.prepare('SELECT count(*) AS n FROM users').pluck().get() === 0) seedDatabase(db, now());

  const stats = new DevStats(now);
  const chaos: ChaosState = { config: noChaos };
  const versionPolicy = new VersionPolicy(now);
  const flags = new FeatureFlags(flagDefinitions(production));
  const flagStreams = new FlagStreams();
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : randomBytes(32);
  const accessTokens = new AccessTokens(secret, config.accessTokenTtlS ?? 120, now);
  const sessions = new RefreshSessions(db, now);
  const users = new UserStore(db);
  const loginLimiter = new LoginLimiter(now);
  const originPolicy = new OriginPolicy(config.allowedHosts, config.allowedOrigins);

  const app = Fastify({
    logger: false,
    bodyLimit: 1_048_576,
    // Closing must not wait for hung (chaos) or keep-alive connections.
    forceCloseConnections: true,
    requestIdHeader: false,
    genReqId: requestIdOf,
    routerOptions: {
      // The Sentry SDK posts to .../envelope/ with the slash; others may not.
      ignoreTrailingSlash: true,
      // Fastify's default of 100 answers a longer order id 414; the contract says an unknown id
      // is a 404, after the token is checked. Node refuses a request line over 16 KiB (431)
      // before the router could, so with this bound every id reaches its route.
      maxParamLength: 16_384,
    },
    // What the router rejects (a broken %-escape) answers as problem+json too. No hook runs
    // for it, not even onSend, so the common headers are set here.
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        request,
        reply.headers(commonHeaders(request.id, flags.version)),
        toHttpProblem(error),
      ),
    // What Node's parser rejects before there is a request (431, 400) too, by hand.
    clientErrorHandler: clientErrorHandler((id) => commonHeaders(id, flags.version), log),
    // Node answers an HTTP/1.1 request without Host with a bare 400 of its own; let it through
    // so that the origin guard refuses it as problem+json like any other unserved host.
    http: { requireHostHeader: false },
  });
  app.addHook('onClose', async () => db.close());
  await app.register(fastifyCookie);
  // Only JSON is accepted (text/plain is Fastify's other default): anything else is a 415.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('user', null);
  installErrorHandling(app, log);

  // Global hooks run in the order they are added. The origin guard comes first, so that a
  // request from another site or host changes nothing (not even the stats); then arrivals are
  // counted so that every served request counts; chaos comes before the version policy because
  // it stands for the network, which is in front of the server; answers are counted after
  // chaos has had its say.
  installCommonHeaders(app, () => flags.version);
  installOriginGuard(app, originPolicy);
  countArrivals(app, stats);
  installRequestLog(app, log);
  installXsrfCookie(app);
  installChaos(app, chaos, stats, random);
  countAnswers(app, stats);
  installVersionPolicy(app, versionPolicy);
  installQueryGuard(app);

  registerAuthRoutes(app, { accessTokens, sessions, users, loginLimiter, stats });
  app.register(async (scope) => {
    scope.addHook('onRequest', authenticate({ accessTokens, sessions, users }));
    registerMeRoute(scope);
    registerOrdersRoutes(scope, {
      db,
      orders: new OrdersRepository(db, now),
      idempotency: new IdempotencyStore(db, now),
      stats,
    });
    registerCatalogRoutes(scope, db);
    registerDashboardRoutes(scope, new DashboardQueries(db, now));
    registerFlagsRoutes(scope, flags);
    registerFlagStreamRoute(scope, {
      flags,
      streams: flagStreams,
      intervals: config.intervals ?? REAL_INTERVALS,
      heartbeatMs: config.flagStreamHeartbeatMs ?? 15_000,
    });
  });
  if (!production) {
    const sentry = new SentrySink();
    registerDevRoutes(app, {
      db,
      now,
      stats,
      chaos,
      versionPolicy,
      flags,
      flagStreams,
      accessTokens,
      loginLimiter,
      sentry,
    });
  }
  return app;
}
