import { errors, jwtVerify, SignJWT } from 'jose';
import { HttpProblem } from '../http/http-problem.ts';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  serial: number;
}

const issuer = 'keel-dev-api';

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

  /** The claims of a valid token; throws `token-expired` or `unauthorized` otherwise. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer,
        currentDate: new Date(this.now()),
      });
      const { sub, sid, sn } = payload;
      if (typeof sub !== 'string' || typeof sid !== 'string' || typeof sn !== 'number') {
        throw new HttpProblem('unauthorized', {
          detail: 'The access token lacks required claims.',
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
