import { errors, jwtVerify, SignJWT } from 'jose';
import { HttpProblem } from '../http/http-problem.ts';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  serial: number;
}

const issuer = 'keel-dev-api';
// Tolerance for the `iat` checks, for a token issued by another process (KEEL_JWT_SECRET
// shared across restarts) whose clock runs a little ahead. `exp` gets none: this server's own
// tokens are checked by the clock that issued them, and the tests pin expiry to the second.
const clockSkewS = 5;

/**
 * Issues and checks the HS256 access tokens. Each token carries a serial number (`sn`) that
 * only grows, so `expireAllIssued()` can reject every token issued so far with one integer
 * and still accept the ones issued after it (the dev control that fakes a mass expiry).
 */
export class AccessTokens {
  private lastSerial = 0;
  private expiredThrough = 0;

  constructor(
    private readonly secret: Uint8Array,
    readonly ttlS: number,
    private readonly now: () => number,
  ) {}

  async issue(userId: string, sessionId: string): Promise<string> {
    const issuedAt = Math.floor(this.now() / 1000);
    return new SignJWT({ sid: sessionId, sn: ++this.lastSerial })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(issuer)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlS)
      .sign(this.secret);
  }

  /**
   * The claims of a valid token; throws `token-expired` or `unauthorized` otherwise. Valid
   * (issue 14): HS256 only (never `none`, nor another algorithm even with our secret), `iss`
   * ours, `sub`, `exp` and `iat` present, `exp` not passed, `iat` not in the future and no older
   * than the lifetime (with `clockSkewS` either way), so a token minted with a far `exp` still
   * dies when a token of ours would have.
   */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: new Date(this.now()),
      });
      const { sub, sid, sn, iat } = payload;
      if (
        typeof sub !== 'string' ||
        typeof sid !== 'string' ||
        typeof sn !== 'number' ||
        typeof iat !== 'number'
      ) {
        throw new HttpProblem('unauthorized', {
          detail: 'The access token lacks required claims.',
        });
      }
      const ageS = this.now() / 1000 - iat;
      if (ageS < -clockSkewS) {
        throw new HttpProblem('unauthorized', {
          detail: 'The access token says it was issued in the future.',
        });
      }
      if (ageS > this.ttlS + clockSkewS) {
        throw new HttpProblem('token-expired', {
          detail: 'The access token is older than the access token lifetime.',
        });
      }
      if (sn <= this.expiredThrough) {
        throw new HttpProblem('token-expired', {
          detail: 'The access token was expired on purpose.',
        });
      }
      return { userId: sub, sessionId: sid, serial: sn };
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      if (error instanceof errors.JWTExpired) {
        throw new HttpProblem('token-expired', {
          detail: 'Refresh the session to get a new token.',
        });
      }
      throw new HttpProblem('unauthorized', { detail: 'The access token is not valid.' });
    }
  }

  /** Rejects every token issued so far; returns the highest serial now rejected. */
  expireAllIssued(): number {
    this.expiredThrough = this.lastSerial;
    return this.expiredThrough;
  }
}
