// (e) Bundle: the production build exactly as `npm run build` makes it (NG_BUILD_OPTIMIZE_CHUNKS=1
// ng build), plus --stats-json, into a temporary folder (never dist/, which other work uses);
// then, from the metafile: which chunks are initial (main and what it imports statically), their
// sizes raw / brotli (what `ng build` calls "estimated transfer size") / gzip, the share
// @keel/network's network layer (projects/keel/network/src) and session have in them, the biggest contributors, and a check that no
// bench peer reached any output file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

interface Metafile {
  outputs: Record<
    string,
    {
      bytes: number;
      entryPoint?: string;
      imports: { path: string; kind: string }[];
      inputs: Record<string, { bytesInOutput: number }>;
    }
  >;
}

export interface ChunkSize {
  file: string;
  raw: number;
  brotli: number;
  gzip: number;
}

export interface BundleResult {
  buildMs: number;
  /** The CLI's own "Initial total" line: raw and estimated transfer (brotli), as printed. */
  cliInitialTotal: string | null;
  initialChunks: ChunkSize[];
  initialJs: { raw: number; brotli: number; gzip: number };
  initialCss: { raw: number; brotli: number; gzip: number };
  coreHttp: {
    /**
     * Its share of the chunk's input bytes × the chunk's size on disk. Exact for a plain
     * `ng build`; an estimate after the chunk optimizer, whose metafile counts bytes before
     * the last minification (see `inputBytesToFile`).
     */
    raw: number;
    /** The same share × the chunk's brotli / gzip size: an estimate, see note. */
    brotliEstimate: number;
    gzipEstimate: number;
    chunks: string[];
    files: number;
  };
  coreAuth: { raw: number; brotliEstimate: number };
  contributors: { name: string; raw: number }[];
  /** Sum of the metafile's input bytes over the initial JS files' size on disk (1 = exact). */
  inputBytesToFile: number;
  /** The build command, as run. */
  command: string;
  /** Inputs from the bench peers (or bench/) found in any output file: must stay empty. */
  peerInputs: string[];
  /**
   * The floor: the same build with no pages at all (configuration `floor-no-pages`,
   * bench/floor/README.md), its initial JS + CSS measured as above. The least the initial
   * transfer can be while the network layer, session, flags, observability, the service worker
   * and the root component stay in it.
   */
  floor?: { configuration: string; raw: number; brotli: number };
}

const root = join(__dirname, '..');
const PEERS = /node_modules\/(axios|axios-retry|axios-auth-refresh|ky|esbuild)\/|(^|\/)bench\//;

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const brotli = (data: Buffer) =>
  data.length < 1024
    ? data.length // as the CLI does: small files are not worth compressing
    : brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (data: Buffer) =>
  data.length < 1024 ? data.length : gzipSync(data, { level: 9 }).length;

function contributor(input: string): string {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = input.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const library = /^projects\/keel\/network\/([^/]+)\//.exec(input);
  if (library) return `@keel/network ${library[1]}/`;
  const match = /^src\/app\/features\/[^/]+/.exec(input);
  return match ? match[0] : input.startsWith('src/') ? 'src/ (other)' : input;
}

/**
 * `ng build [project]` for production as `npm run build` does, into `out` (its files end up in
 * `out/browser`). `project` is `keel` unless given (`empty`: bench/empty-app, section (f)).
 */
export async function buildApp(
  out: string,
  project = 'keel',
  extra: string[] = [],
): Promise<{ output: string; ms: number; args: string[] }> {
  const started = Date.now();
  const ng = join(root, 'node_modules', '@angular', 'cli', 'bin', 'ng.js');
  const args = ['build', project, ...extra, `--output-path=${out}`, '--progress=false'];
  const build = await run(process.execPath, [ng, ...args], { NG_BUILD_OPTIMIZE_CHUNKS: '1' });
  if (build.code !== 0)
    throw new Error(`ng build ${project} failed:\n${build.output.slice(-3000)}`);
  return { output: build.output, ms: Date.now() - started, args };
}

/**
 * Measures the production build. `keep`: build into this folder and leave it there (the
 * Lighthouse section serves it); otherwise a temporary folder, deleted afterwards.
 */
export async function measureBundle(keep?: string): Promise<BundleResult> {
  const out = keep ?? mkdtempSync(join(tmpdir(), 'keel-bench-build-'));
  try {
    const build = await buildApp(out, 'keel', ['--stats-json']);
    const { args } = build;
    const buildMs = build.ms;
    const cliLine = /Initial total\s*\|\s*([\d.]+ \w+)\s*\|\s*([\d.]+ \w+)/.exec(build.output);
    const { meta, initialChunks } = initialOf(out);
    const js = initialChunks.filter((c) => c.file.endsWith('.js'));
    const css = initialChunks.filter((c) => c.file.endsWith('.css'));

    const inputTotal = (file: string) =>
      Object.values(meta.outputs[file].inputs).reduce((sum, i) => sum + i.bytesInOutput, 0);
    const folder = (prefix: string) => {
      let raw = 0;
      let brotliEstimate = 0;
      let gzipEstimate = 0;
      const chunks = new Set<string>();
      const files = new Set<string>();
      for (const chunk of js) {
        const total = inputTotal(chunk.file);
        for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[chunk.file].inputs)) {
          if (!input.startsWith(prefix) || !bytesInOutput) continue;
          const share = bytesInOutput / total;
          raw += share * chunk.raw;
          brotliEstimate += share * chunk.brotli;
          gzipEstimate += share * chunk.gzip;
          chunks.add(chunk.file);
          files.add(input);
        }
      }
      return {
        raw: Math.round(raw),
        brotliEstimate: Math.round(brotliEstimate),
        gzipEstimate: Math.round(gzipEstimate),
        chunks: [...chunks],
        files: files.size,
      };
    };

    const byContributor = new Map<string, number>();
    for (const chunk of js) {
      const total = inputTotal(chunk.file);
      for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[chunk.file].inputs))
        byContributor.set(
          contributor(input),
          (byContributor.get(contributor(input)) ?? 0) + (bytesInOutput / total) * chunk.raw,
        );
    }
    const peerInputs = new Set<string>();
    for (const output of Object.values(meta.outputs))
      for (const input of Object.keys(output.inputs)) if (PEERS.test(input)) peerInputs.add(input);

    const auth = folder('projects/keel/network/session/');
    const floor = await measureFloor();
    return {
      buildMs,
      cliInitialTotal: cliLine ? `${cliLine[1]} raw, ${cliLine[2]} estimated transfer` : null,
      initialChunks: initialChunks.sort((a, b) => b.raw - a.raw),
      initialJs: sum(js),
      initialCss: sum(css),
      coreHttp: folder('projects/keel/network/src/'),
      coreAuth: { raw: auth.raw, brotliEstimate: auth.brotliEstimate },
      contributors: [...byContributor]
        .map(([name, raw]) => ({ name, raw: Math.round(raw) }))
        .sort((a, b) => b.raw - a.raw)
        .slice(0, 10),
      peerInputs: [...peerInputs],
      inputBytesToFile:
        Math.round((js.reduce((sum, c) => sum + inputTotal(c.file), 0) / sum(js).raw) * 1000) /
        1000,
      command: `NG_BUILD_OPTIMIZE_CHUNKS=1 ng ${args.join(' ').replace(out, '<tmp>')}`,
      floor,
    };
  } finally {
    if (!keep) rmSync(out, { recursive: true, force: true });
  }
}

const sum = (chunks: ChunkSize[]) => ({
  raw: chunks.reduce((s, c) => s + c.raw, 0),
  brotli: chunks.reduce((s, c) => s + c.brotli, 0),
  gzip: chunks.reduce((s, c) => s + c.gzip, 0),
});

/**
 * The initial files of a build made with `--stats-json` into `out`: the entry points that are
 * not lazy routes (main, polyfills, global styles) and everything they import statically, each
 * with its size raw, brotli and gzip.
 */
function initialOf(out: string): { meta: Metafile; initialChunks: ChunkSize[] } {
  const meta = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')) as Metafile;
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file) || !meta.outputs[file]) return;
    initial.add(file);
    for (const imported of meta.outputs[file].imports)
      if (imported.kind === 'import-statement') visit(imported.path);
  };
  for (const [file, output] of Object.entries(meta.outputs)) {
    const entry = output.entryPoint ?? '';
    if (
      entry === 'src/main.ts' ||
      entry.includes('polyfills') ||
      entry.startsWith('angular:styles')
    )
      visit(file);
  }
  const initialChunks = [...initial].map((file) => {
    const data = readFileSync(join(out, 'browser', file));
    return { file, raw: data.length, brotli: brotli(data), gzip: gzip(data) };
  });
  return { meta, initialChunks };
}

/** The `floor-no-pages` build's initial JS + CSS (see `BundleResult.floor`). */
async function measureFloor(): Promise<BundleResult['floor']> {
  const configuration = 'production,floor-no-pages';
  const out = mkdtempSync(join(tmpdir(), 'keel-bench-floor-'));
  try {
    await buildApp(out, 'keel', ['--stats-json', `--configuration=${configuration}`]);
    const { raw, brotli } = sum(initialOf(out).initialChunks);
    return { configuration, raw, brotli };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
