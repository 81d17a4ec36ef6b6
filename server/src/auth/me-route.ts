import type { FastifyInstance } from 'fastify';
import { currentUser } from './authenticate.ts';
import { publicUser } from './auth-user.ts';

/** `GET /api/me`: who the access token belongs to. */
export function registerMeRoute(app: FastifyInstance): void {
  app.get('/api/me', async (request) => publicUser(currentUser(request)));
}
