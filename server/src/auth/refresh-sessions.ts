import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database.ts';

export const refreshTokenTtlS = 7 * 24 * 60 * 60;

export type RotateResult =
  | { ok: true; userId: string; sessionId: string; token: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

interface TokenRow {
  session_id: string;
  user_id: string;
  expires_at: number;
  rotated_at: number | null;
  revoked_at: number | null;
}

/**
 * Sessions are refresh-token families (OAuth 2.0 Security BCP, RFC 9700 §4.14.2): every
 * refresh spends the presented token and issues the next one in the same family; presenting a
 * spent token again means it leaked, so the whole family is revoked. Only SHA-256 hashes of
 * tokens are stored: a copy of the database cannot be replayed.
 */
export class RefreshSessions {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** Opens a new family for `userId` and returns its first token. */
  start(userId: string): { sessionId: string; token: string } {
    const sessionId = `ses_${randomUUID()}`;
    const token = this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO sessions VALUES (?, ?, ?, NULL)')
        .run(sessionId, userId, this.now());
      return this.issue(sessionId);
    })();
    return { sessionId, token };
  }

  /** Spends `token` and returns the next one of its family. */
  rotate(token: string): RotateResult {
    return this.db.transaction((): RotateResult => {
      const row = this.find(token);
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
      if (row.rotated_at !== null) {
        this.revokeSession(row.session_id);
        return { ok: false, reason: 'reused' };
      }
      if (row.expires_at <= this.now()) return { ok: false, reason: 'expired' };
      this.db
        .prepare('UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ?')
        .run(this.now(), hash(token));
      return {
        ok: true,
        userId: row.user_id,
        sessionId: row.session_id,
        token: this.issue(row.session_id),
      };
    })();
  }

  /** Ends the family of `token`, whatever state the token is in. */
  revoke(token: string): void {
    const row = this.find(token);
    if (row) this.revokeSession(row.session_id);
  }

  /** Access tokens die with their family (logout, reuse), not only when they expire. */
  isActive(sessionId: string): boolean {
    const row = this.db
      .prepare<[string], { revoked_at: number | null }>(
        'SELECT revoked_at FROM sessions WHERE id = ?',
      )
      .get(sessionId);
    return row !== undefined && row.revoked_at === null;
  }

  private issue(sessionId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO refresh_tokens VALUES (?, ?, ?, NULL)')
      .run(hash(token), sessionId, this.now() + refreshTokenTtlS * 1000);
    return token;
  }

  private find(token: string): TokenRow | undefined {
    return this.db
      .prepare<[string], TokenRow>(
        `SELECT t.session_id, s.user_id, t.expires_at, t.rotated_at, s.revoked_at
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
         WHERE t.token_hash = ?`,
      )
      .get(hash(token));
  }

  private revokeSession(sessionId: string): void {
    this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(this.now(), sessionId);
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
