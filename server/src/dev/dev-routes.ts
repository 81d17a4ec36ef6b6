import type { FastifyInstance } from 'fastify';
import type { DevStatsJson } from '../../../contracts/dev-api.ts';
import type { AccessTokens } from '../auth/access-tokens.ts';
import type { LoginLimiter } from '../auth/login-limiter.ts';
import { noChaos, readChaosConfig, type ChaosState } from '../chaos/chaos-config.ts';
import { seededRandom } from '../db/seeded-random.ts';
import type { Db } from '../db/open-database.ts';
import { seedDatabase } from '../db/seed-database.ts';
import type { FeatureFlags } from '../flags/feature-flags.ts';
import type { FlagStreams } from '../flags/flag-stream.ts';
import { readFlagOverrides } from '../flags/read-flag-overrides.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { InputReader } from '../http/input-reader.ts';
import { readVersionPolicy } from '../version/read-version-policy.ts';
import type { VersionPolicy } from '../version/version-policy.ts';
import type { DevStats } from './dev-stats.ts';
import { parseSentryEnvelope } from './sentry-envelope.ts';
import type { SentrySink } from './sentry-sink.ts';

interface DevRoutesDeps {
  db: Db;
  now: () => number;
  stats: DevStats;
  chaos: ChaosState;
  versionPolicy: VersionPolicy;
  flags: FeatureFlags;
  flagStreams: FlagStreams;
  accessTokens: AccessTokens;
  loginLimiter: LoginLimiter;
  sentry: SentrySink;
}

/**
 * `/api/_dev/*`: fault controls for tests and the network console. No token, no XSRF:
 * they exist only outside production, on a server that listens on loopback.
 */
export function registerDevRoutes(app: FastifyInstance, deps: DevRoutesDeps): void {
  const { db, now, stats, chaos, versionPolicy, flags, flagStreams } = deps;
  const { accessTokens, loginLimiter, sentry } = deps;

  // flagStreams.open is live (the streams held now); every other count is since the last reset.
  // `satisfies` checks the answer against the shape the app, e2e and bench read.
  app.get(
    '/api/_dev/stats',
    async () => ({ ...stats.toJSON(), flagStreams: flagStreams.toJSON() }) satisfies DevStatsJson,
  );

  app.post('/api/_dev/reset', async (request, reply) => {
    const reader = new InputReader();
    const body = request.body === undefined ? undefined : reader.object(request.body, '', ['data']);
    const data = reader.optionalBoolean(body, 'data') ?? false;
    reader.throwIfInvalid();
    if (data) seedDatabase(db, now());
    stats.reset();
    flagStreams.reset();
    chaos.config = noChaos;
    chaos.random = undefined;
    versionPolicy.clear();
    flags.clearOverrides();
    loginLimiter.reset();
    sentry.clear();
    return reply.code(204).send();
  });

  app.get('/api/_dev/chaos', async () => chaos.config);
  app.put('/api/_dev/chaos', async (request) => {
    chaos.config = readChaosConfig(request.body);
    chaos.random = chaos.config.seed === null ? undefined : seededRandom(chaos.config.seed);
    return chaos.config;
  });

  app.post('/api/_dev/expire-tokens', async (_request, reply) => {
    accessTokens.expireAllIssued();
    return reply.code(204).send();
  });

  app.get('/api/_dev/flags', async () => flags);
  app.put('/api/_dev/flags', async (request) => {
    flags.override(readFlagOverrides(request.body, flags.definitions));
    return flags;
  });

  app.get('/api/_dev/version-policy', async () => versionPolicy);
  app.put('/api/_dev/version-policy', async (request) => {
    versionPolicy.update(readVersionPolicy(request.body));
    return versionPolicy;
  });

  app.get('/api/_dev/sentry/events', async () => sentry);
  app.delete('/api/_dev/sentry/events', async (_request, reply) => {
    sentry.clear();
    return reply.code(204).send();
  });

  // The Sentry browser SDK posts text/plain (to skip a CORS preflight); other SDKs use
  // application/x-sentry-envelope. Any type is read as raw bytes, since item lengths are bytes.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post<{ Params: { project: string } }>(
      '/api/_dev/sentry/api/:project/envelope/',
      async (request) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const parsed = parseSentryEnvelope(
          body,
          request.params.project,
          new Date(now()).toISOString(),
        );
        if (!parsed.ok) throw new HttpProblem('malformed-envelope', { detail: parsed.reason });
        sentry.add(parsed.envelope, body.length);
        return {};
      },
    );
  });
}
