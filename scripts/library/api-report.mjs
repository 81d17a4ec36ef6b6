// The public API of each @keel/network entry point, as API Extractor reports it from the built
// typings (dist/keel-network/types), compared with the golden reports checked in under
// projects/keel/network/api/ (as Angular checks goldens/public-api): an API change is a diff a
// reviewer sees. `npm run api:update` rewrites the goldens after `npm run build:lib`.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const library = join(root, 'projects', 'keel', 'network');
const dist = join(root, 'dist', 'keel-network');

/** The entry points, main first (projects/keel/network/entry-points.json). */
export const ENTRY_POINTS = JSON.parse(
  readFileSync(join(library, 'entry-points.json'), 'utf8'),
).entryPoints;

/** `@keel/network/session` → `keel-network-session`, the name ng-packagr gives its typings. */
export const fileNameOf = (specifier) => specifier.replace(/^@/, '').replaceAll('/', '-');

/**
 * Runs API Extractor for one entry point. With `update`, writes the golden report; without,
 * leaves it and says whether the built API differs from it (the new report is then in
 * dist/api-report/ for a diff).
 */
export function apiReport(specifier, { update = false } = {}) {
  const name = fileNameOf(specifier);
  const typings = join(dist, 'types', `${name}.d.ts`);
  if (!existsSync(typings)) throw new Error(`${typings} is missing: run npm run build:lib first.`);
  const reportFolder = join(library, 'api');
  const reportTempFolder = join(root, 'dist', 'api-report');
  mkdirSync(reportFolder, { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: dist,
      mainEntryPointFilePath: typings,
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            lib: ['es2022', 'dom'],
            module: 'preserve',
            moduleResolution: 'bundler',
            strict: true,
            skipLibCheck: true,
            // The entry points import each other by package name; resolve them to the build.
            paths: {
              '@keel/network': ['./types/keel-network.d.ts'],
              '@keel/network/*': ['./types/keel-network-*.d.ts'],
            },
          },
          files: [typings],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder,
        reportTempFolder,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          // Release tags (@public, @beta) are not used: everything exported is public.
          'ae-missing-release-tag': { logLevel: 'none' },
          // Undocumented exports show as "(undocumented)" in the report instead.
          'ae-undocumented': { logLevel: 'none' },
          // Angular's generated declarations (ɵfac, ɵprov) name internal types.
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: join(library, 'api-extractor.json'),
    packageJsonFullPath: join(dist, 'package.json'),
  });
  const messages = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message) => {
      if (message.logLevel === 'warning' || message.logLevel === 'error')
        messages.push(message.formatMessageWithLocation(dist));
      message.handled = true;
    },
  });
  return {
    changed: result.apiReportChanged,
    golden: join(reportFolder, `${name}.api.md`),
    built: join(reportTempFolder, `${name}.api.md`),
    messages,
  };
}

// `node scripts/library/api-report.mjs [--update]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const update = process.argv.includes('--update');
  let changed = 0;
  for (const specifier of ENTRY_POINTS) {
    const report = apiReport(specifier, { update });
    for (const message of report.messages) console.warn(message);
    if (report.changed) changed++;
    console.log(
      `${specifier}: ${report.changed ? (update ? 'updated' : `CHANGED (diff ${report.golden} ${report.built})`) : 'unchanged'}`,
    );
  }
  if (changed && !update) process.exit(1);
}
