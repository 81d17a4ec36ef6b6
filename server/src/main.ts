import { resolve } from 'node:path';
import { buildServer } from './app.ts';

// Defaults are relative to the repository root, where `npm run api` runs.
const port = Number(process.env['API_PORT'] ?? 3000);
const host = process.env['API_HOST'] ?? '127.0.0.1';
const dbPath = process.env['DB_PATH'] ?? 'server/data/keel.db';
const ttl = Number(process.env['ACCESS_TOKEN_TTL_S'] ?? 120);
const allowedOrigins = commaList('API_ALLOWED_ORIGINS');
// The host it listens on is one it serves (loopback names always are); a wildcard address
// names no host, so a server on 0.0.0.0 needs its names in API_ALLOWED_HOSTS.
const allowedHosts = [
  ...(['0.0.0.0', '::'].includes(host) ? [] : [host.includes(':') ? `[${host}]` : host]),
  ...commaList('API_ALLOWED_HOSTS'),
];

if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`API_PORT is not a port: ${process.env['API_PORT']}`);
if (!Number.isInteger(ttl) || ttl < 1)
  throw new Error(
    `ACCESS_TOKEN_TTL_S must be a positive integer: ${process.env['ACCESS_TOKEN_TTL_S']}`,
  );

const app = await buildServer({
  dbPath: dbPath === ':memory:' ? dbPath : resolve(dbPath),
  accessTokenTtlS: ttl,
  production: process.env['NODE_ENV'] === 'production',
  allowedHosts,
  allowedOrigins,
  ...(process.env['KEEL_JWT_SECRET'] && { jwtSecret: process.env['KEEL_JWT_SECRET'] }),
  log: (line) => console.log(line),
});
await app.listen({ port, host });
const address = app.server.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`Keel dev API listening on http://${host}:${actualPort} (db: ${dbPath})`);

// Close cleanly on Ctrl-C and on the e2e runner's SIGTERM, so SQLite's WAL is checkpointed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}

/** A comma-separated env variable as its trimmed, non-empty entries. */
function commaList(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
