import type { BundleResult } from '../../bundle';
import { fillSection } from '../fill-template';
import { kB, table, x } from '../format';

/** (e) Bundle: the initial JS and CSS, the network layer's share, the biggest inputs, no peers. */
export function bundleSection(b: BundleResult): string {
  const estimated = b.inputBytesToFile > 1.02 || b.inputBytesToFile < 0.98;
  return fillSection('bundle', {
    command: b.command,
    buildSeconds: Math.round(b.buildMs / 1000),
    cliInitialTotal: b.cliInitialTotal ?? '(not found in its output)',
    table: table(
      ['', 'raw', 'brotli', 'gzip -9'],
      [
        ['initial JS', kB(b.initialJs.raw), kB(b.initialJs.brotli), kB(b.initialJs.gzip)],
        ['initial CSS', kB(b.initialCss.raw), kB(b.initialCss.brotli), kB(b.initialCss.gzip)],
        [
          `@keel/network, the network layer (src/: ${b.coreHttp.files} files, in ${b.coreHttp.chunks.join(', ')})`,
          kB(b.coreHttp.raw),
          `≈ ${kB(b.coreHttp.brotliEstimate)}`,
          `≈ ${kB(b.coreHttp.gzipEstimate)}`,
        ],
        ['@keel/network/session', kB(b.coreAuth.raw), `≈ ${kB(b.coreAuth.brotliEstimate)}`, ''],
        ...(b.floor
          ? [
              [
                `the floor: initial JS + CSS of \`ng build --configuration ${b.floor.configuration}\`, no pages at all`,
                kB(b.floor.raw),
                kB(b.floor.brotli),
                '',
              ],
            ]
          : []),
      ],
    ),
    rawFigure: estimated
      ? `, and so is its raw figure: after the chunk optimizer the metafile counts ${x(b.inputBytesToFile)} the bytes that are on disk (sizes before the last minification), so only the shares are used`
      : '; its raw figure is exact (the metafile accounts for the bytes on disk)',
    contributors: table(
      ['input', 'raw'],
      b.contributors.map((c) => [c.name, kB(c.raw)]),
    ),
    peers: b.peerInputs.length
      ? `**Peers found in the app's output: ${b.peerInputs.join(', ')}.**`
      : 'No file of axios, axios-retry, axios-auth-refresh, ky, esbuild or bench/ is in any output file of the app (initial or lazy).',
  });
}

/** (e) Bundle, when `ng build` failed: the start of its output. */
export function bundleErrorSection(error: string): string {
  return fillSection('bundleError', { error: error.slice(0, 2000) });
}
