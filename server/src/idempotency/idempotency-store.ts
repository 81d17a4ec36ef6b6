import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/open-database.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { requestPath } from '../http/request-path.ts';
import { canonicalJson } from './canonical-json.ts';

/** A response as stored for replay. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// Long enough to outlive any client retry schedule; short enough that the table stays small.
const keyLifetimeMs = 24 * 60 * 60 * 1000;
const keyPattern = /^[\x21-\x7e]{1,255}$/;

/**
 * Idempotency keys (draft-ietf-httpapi-idempotency-key-header), scoped per user. `run` must
 * be called inside the same transaction as the write it guards: the key and the order it
 * created commit together or not at all, so a retry after a lost response finds either both
 * or neither. Only successful responses are stored; a rejected request wrote nothing, so
 * repeating its key with a corrected body is a fresh attempt.
 */
export class IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  run(
    request: FastifyRequest,
    userId: string,
    produce: () => StoredResponse,
  ): { response: StoredResponse; replayed: boolean } {
    const key = idempotencyKey(request);
    if (key === undefined) return { response: produce(), replayed: false };
    const hash = createHash('sha256')
      .update(`${request.method} ${requestPath(request.url)}\n${canonicalJson(request.body)}`)
      .digest('hex');
    const stored = this.db
      .prepare<
        [string, string, number],
        { request_hash: string; status: number; headers: string; body: string }
      >(
        'SELECT request_hash, status, headers, body FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at > ?',
      )
      .get(userId, key, this.now() - keyLifetimeMs);
    if (stored) {
      if (stored.request_hash !== hash) {
        throw new HttpProblem('idempotency-key-reused', {
          detail:
            'This Idempotency-Key was first used with a different request. Use a new key for a new request.',
        });
      }
      const headers: Record<string, string> = JSON.parse(stored.headers);
      return { response: { status: stored.status, headers, body: stored.body }, replayed: true };
    }
    const response = produce();
    this.db
      .prepare('DELETE FROM idempotency_keys WHERE created_at <= ?')
      .run(this.now() - keyLifetimeMs);
    this.db
      .prepare('INSERT OR REPLACE INTO idempotency_keys VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(
        userId,
        key,
        hash,
        response.status,
        JSON.stringify(response.headers),
        response.body,
        this.now(),
      );
    return { response, replayed: false };
  }
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !keyPattern.test(value)) {
    throw HttpProblem.validation([
      { field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
    ]);
  }
  return value;
}
