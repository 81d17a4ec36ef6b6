// Serves the production build (`npm run build`: dist/keel/browser) on one origin with /api
// proxied to the dev API, the way it would be deployed: every path without a file extension
// gets index.html (the app routes it), the rest is the file or 404; text is sent brotli-compressed
// (gzip for a client without brotli), with the headers README's "Security" section asks of a
// deployment (the Content-Security-Policy and the rest). The build is copied into
// DIST_DIR first and read from there on every request, so a test can "deploy" a new version
// by changing files there (e2e/service-worker.e2e.ts).
//
//   APP_PORT=4400 API_PORT=3100 DIST_DIR=/tmp/keel-dist npx tsx scripts/serve-dist.ts
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { distFiles, startOriginServer } from '../bench/serve';
import { APP_SECURITY_HEADERS } from './content-security-policy';

const build = join(__dirname, '..', 'dist', 'keel', 'browser');
const root = process.env['DIST_DIR'] ?? build;
const apiPort = Number(process.env['API_PORT'] ?? 3000);
const port = Number(process.env['APP_PORT'] ?? 4400);

if (!existsSync(join(build, 'index.html'))) {
  console.error(`No production build in ${build}: run \`npm run build\` first.`);
  process.exit(1);
}
if (root !== build) {
  rmSync(root, { recursive: true, force: true });
  cpSync(build, root, { recursive: true });
}

void startOriginServer({
  apiPort,
  port,
  file: distFiles(root),
  cacheControl: 'no-cache',
  compress: true,
  headers: APP_SECURITY_HEADERS,
}).then((server) => console.log(`Serving ${root} at ${server.origin} (API on port ${apiPort})`));
