#!/usr/bin/env node
// `npm run build:lib`: the @keel/network package in dist/keel-network, as npm would ship it:
// ng-packagr builds the entry points (partial Ivy, FESM + bundled typings), then the `ng add`
// schematic is compiled to CommonJS beside them. `--pack` also writes the tarball
// (dist/keel-network-<version>.tgz) that the adoption test installs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// Not under dist/keel: the app's build empties that folder.
const dist = join(root, 'dist', 'keel-network');

function run(command, args, cwd = root) {
  const { status } = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`build:lib: ${command} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
}

run('npx', ['ng', 'build', '@keel/network', '--configuration', 'production']);
run('npx', ['tsc', '-p', 'projects/keel/network/tsconfig.schematics.json']);
// The package is "type": "module" (ng-packagr's FESM); the CLI require()s the schematic, so its
// folder says CommonJS, and is shipped (ng-packagr's .npmignore leaves out nested package.json).
writeFileSync(join(dist, 'schematics', 'package.json'), '{ "type": "commonjs" }\n');
appendFileSync(join(dist, '.npmignore'), '!schematics/package.json\n');

if (process.argv.includes('--pack')) {
  for (const old of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.tgz')))
    rmSync(join(root, 'dist', old));
  run('npm', ['pack', '--pack-destination', join(root, 'dist'), '--silent'], dist);
}
