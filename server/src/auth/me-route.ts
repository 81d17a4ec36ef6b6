import type { FastifyInstance } from 'fastify';
import { currentUser } from './authenticate.ts';
import { publicUser } from './auth-user.ts';
import { noStore } from './no-store.ts';

/** `GET /api/me`: who the access token belongs to. */
export function registerMeRoute(app: FastifyInstance): void {
  app.get('/api/me', { onSend: noStore }, async (request) => publicUser(currentUser(request)));
}
