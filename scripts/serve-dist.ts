// Serves the production build (`npm run build`: dist/keel/browser) on one origin with /api
// proxied to the dev API, the way it would be deployed: every path without a file extension
// gets index.html (the app routes it), the rest is the file or 404. The build is copied into
// DIST_DIR first and read from there on every request, so a test can "deploy" a new version
// by changing files there (e2e/service-worker.e2e.ts).
//
//   APP_PORT=4400 API_PORT=3100 DIST_DIR=/tmp/keel-dist npx tsx scripts/serve-dist.ts
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { startOriginServer } from '../bench/serve';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

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

function file(path: string) {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '');
  } catch {
    return undefined;
  }
  if (relative.startsWith('..')) return undefined;
  // An app route (no extension): the app's index.html, as a production host's fallback does.
  const name = extname(relative) === '' ? 'index.html' : relative;
  const full = join(root, name);
  if (!existsSync(full) || !statSync(full).isFile()) return undefined;
  return {
    contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
    body: readFileSync(full),
  };
}

void startOriginServer({ apiPort, port, file, cacheControl: 'no-cache' }).then((server) =>
  console.log(`Serving ${root} at ${server.origin} (API on port ${apiPort})`),
);
