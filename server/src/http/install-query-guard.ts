import type { FastifyInstance } from 'fastify';
import { InputReader } from './input-reader.ts';

/**
 * Refuses control characters in the query string of every route, in names and values, with one
 * 422 listing each parameter (issue 14). One hook rather than a check per reader, so a route
 * added later, or one that reads no parameters today, cannot forget it. preValidation: the
 * place of validation in the order of checks (after the token and the body, before the
 * handler). Unknown routes stay 404s.
 */
export function installQueryGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.is404) return;
    const reader = new InputReader();
    for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
      if (!reader.noControlCharacters(name, name)) continue;
      const values = Array.isArray(value) ? value : [value];
      // Fail once per parameter, however often it is repeated.
      values.every((text) => typeof text !== 'string' || reader.noControlCharacters(text, name));
    }
    reader.throwIfInvalid();
  });
}
