import type { FastifyInstance } from 'fastify';
import { currentUser } from '../auth/authenticate.ts';
import { entityTags } from '../http/entity-tags.ts';
import { appVersionOf } from '../version/semver.ts';
import { FeatureFlags } from './feature-flags.ts';

/** `GET /api/flags`: the values for this user, app version and platform, with an ETag. */
export function registerFlagsRoutes(app: FastifyInstance, flags: FeatureFlags): void {
  app.get('/api/flags', async (request, reply) => {
    const user = currentUser(request);
    const platform = request.headers['x-platform'];
    const values = flags.evaluate({
      userId: user.id,
      roles: user.roles,
      appVersion: appVersionOf(request.headers['x-app-version']),
      platform: typeof platform === 'string' ? platform : undefined,
    });
    const etag = FeatureFlags.etag(flags.version, values);
    reply
      .header('etag', etag)
      // The values differ per user, app version and platform: no shared cache may reuse them.
      .header('cache-control', 'private, no-cache')
      .header('vary', 'Authorization, X-App-Version, X-Platform');
    const seen = entityTags(request.headers['if-none-match']);
    if (seen.includes('*') || seen.includes(etag.slice(1, -1))) return reply.code(304).send();
    return { version: flags.version, flags: values };
  });
}
