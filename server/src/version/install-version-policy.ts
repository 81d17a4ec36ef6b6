import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../http/http-problem.ts';
import { isDevPath } from '../http/is-dev-path.ts';
import { appVersionOf } from './semver.ts';
import type { VersionPolicy } from './version-policy.ts';

/** Applies the version policy to every /api route except the dev controls. */
export function installVersionPolicy(app: FastifyInstance, policy: VersionPolicy): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || isDevPath(request.url)) return;
    const verdict = policy.judge(appVersionOf(request.headers['x-app-version']));
    if (verdict.kind === 'upgrade-required') {
      throw new HttpProblem('upgrade-required', {
        detail: `This API needs app version ${verdict.minVersion} or later. Reload to update.`,
        extensions: { minVersion: verdict.minVersion },
      });
    }
    if (verdict.kind === 'deprecated') reply.headers(verdict.headers);
  });
}
