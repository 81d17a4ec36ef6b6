import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

const jwtSecret = 'a secret the tests share with the server';
const ttlS = 120;

let server: TestServer;
let client: Client;
/** The claims of a real token of the server: a live session to forge tokens for. */
let real: JWTPayload;
before(async () => {
  server = await startServer({ jwtSecret, accessTokenTtlS: ttlS });
  // Whole seconds, so that the boundaries below are exact.
  server.clock.time = Math.floor(server.clock.time / 1000) * 1000;
  client = new Client(server.base);
  real = decodeJwt((await client.login()).accessToken);
});
after(() => server.close());

const nowS = () => server.clock.now() / 1000;

/** A token signed with the server's own secret, with the claims of a real one changed. */
async function forge(
  changes: Record<string, unknown>,
  alg: 'HS256' | 'HS512' = 'HS256',
): Promise<string> {
  const claims: Record<string, unknown> = {
    iss: real.iss,
    sub: real.sub,
    sid: real['sid'],
    sn: real['sn'],
    iat: nowS(),
    exp: nowS() + ttlS,
    ...changes,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return new SignJWT(claims as JWTPayload)
    .setProtectedHeader({ alg, typ: 'JWT' })
    .sign(new TextEncoder().encode(jwtSecret));
}

/** An unsecured JWT (RFC 7519 §6): `alg: none` and an empty signature. */
function unsigned(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

const me = (token: string) => client.request('GET', '/api/me', { token });

describe('access token claims', () => {
  it('accepts a token forged with every claim right (so the refusals below are about the claim)', async () => {
    assert.equal((await me(await forge({}))).status, 200);
    assert.equal(real.iss, 'keel-dev-api');
    assert.deepEqual(Object.keys(real).sort(), ['exp', 'iat', 'iss', 'sid', 'sn', 'sub']);
  });

  for (const [name, token] of [
    ['alg none', async () => unsigned({ ...real, iat: nowS(), exp: nowS() + ttlS })],
    ['HS512 with the same secret', () => forge({}, 'HS512')],
    ['a wrong iss', () => forge({ iss: 'someone-else' })],
    ['no iss', () => forge({ iss: undefined })],
    ['no exp', () => forge({ exp: undefined })],
    ['no iat', () => forge({ iat: undefined })],
    ['a string iat', () => forge({ iat: String(nowS()) })],
    ['an iat 6 s in the future', () => forge({ iat: nowS() + 6 })],
    ['an iat a day in the future', () => forge({ iat: nowS() + 86_400, exp: nowS() + 90_000 })],
    ['no sub', () => forge({ sub: undefined })],
  ] as const) {
    it(`refuses ${name} with 401 unauthorized`, async () => {
      await expectProblem(await me(await token()), 401, 'unauthorized');
    });
  }

  it('refuses a token older than the lifetime + 5 s with 401 token-expired, even with a far exp', async () => {
    const exp = nowS() + 365 * 86_400;
    await expectProblem(
      await me(await forge({ iat: nowS() - ttlS - 6, exp })),
      401,
      'token-expired',
    );
    await expectProblem(await me(await forge({ iat: nowS() - 86_400, exp })), 401, 'token-expired');
    // Within the allowed clock skew, either way.
    assert.equal((await me(await forge({ iat: nowS() - ttlS - 5, exp }))).status, 200);
    assert.equal((await me(await forge({ iat: nowS() + 5 }))).status, 200);
  });
});
