import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt's defaults (N = 2^14, r = 8, p = 1): OWASP's floor for interactive logins.
const cost = { N: 16384, r: 8, p: 1 };
const keyLength = 32;

/** `scrypt$N$r$p$salt$hash`, so the cost can change later without breaking stored hashes. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, keyLength, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join(
    '$',
  );
}

/** Checks `password` against a stored hash, in constant time; never throws. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password,
      Buffer.from(salt, 'base64'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p) },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  ).catch(() => undefined);
  return actual !== undefined && timingSafeEqual(actual, expected);
}

let decoy: string | undefined;

/**
 * A hash of no one's password, checked when the email is unknown so that a wrong email
 * costs as long as a wrong password and the timing does not reveal which accounts exist.
 * Made on first use: it costs one scrypt run.
 */
export function decoyPasswordHash(): string {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
