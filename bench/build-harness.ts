// Bundles the browser harness (bench/harness/main.ts) with esbuild, in memory, in about two
// seconds. Angular runs JIT there (the harness imports @angular/compiler) in production mode
// (`ngDevMode` false, as in `ng build`), minified. Used by bench/run.ts and e2e/soak.e2e.ts,
// which serve the files under HARNESS_BASE on the page's own origin.
import { type Plugin, build } from 'esbuild';
import { join } from 'node:path';

export const HARNESS_BASE = '/__bench/';

export interface HarnessFile {
  readonly contentType: string;
  readonly body: Buffer;
}

// Both runners (tsx for `npm run bench`, Playwright for the e2e soak) load this file as
// CommonJS, since package.json has no "type": "module".
const here = __dirname;

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>keel bench</title></head>
  <body><script type="module" src="${HARNESS_BASE}main.js"></script></body>
</html>
`;

/**
 * @keel/network/observability loads the Sentry SDK with a dynamic import, only when Sentry is started,
 * which the harness never does: an empty module stands in for it.
 */
const sentryStub: Plugin = {
  name: 'keel-bench-sentry-stub',
  setup(build) {
    build.onResolve({ filter: /\/sentry-sdk$/ }, (args) =>
      args.importer.includes('keel/network/observability')
        ? { path: 'sentry-sdk', namespace: 'keel-bench-stub' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'keel-bench-stub' }, () => ({
      contents: 'export {};',
      loader: 'js',
    }));
  },
};

/** Every file of the harness by its path (`/__bench/index.html`, `/__bench/main.js`, chunks). */
export async function buildHarness(
  options: { minify?: boolean } = {},
): Promise<Map<string, HarnessFile>> {
  const outdir = join(here, '.harness-out');
  const result = await build({
    entryPoints: { main: join(here, 'harness', 'main.ts') },
    bundle: true,
    // One file: the JIT compiler must be evaluated before any Angular package (they are
    // published partially compiled), which chunk splitting would not guarantee.
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Unminified on request, to read a CPU profile.
    minify: options.minify ?? true,
    write: false,
    outdir,
    define: { ngDevMode: 'false' },
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [sentryStub],
  });
  const files = new Map<string, HarnessFile>();
  files.set(`${HARNESS_BASE}index.html`, {
    contentType: 'text/html; charset=utf-8',
    body: Buffer.from(INDEX_HTML),
  });
  for (const file of result.outputFiles) {
    const name = file.path.slice(outdir.length + 1).replaceAll('\\', '/');
    files.set(`${HARNESS_BASE}${name}`, {
      contentType: 'text/javascript; charset=utf-8',
      body: Buffer.from(file.contents),
    });
  }
  return files;
}
