#!/usr/bin/env node
// `npm run mutation`: StrykerJS over the network layer (stryker.config.mjs) and then the session
// (stryker.auth.config.mjs), each with every mutant tested (--force: an incremental run keeps
// the old result of mutants that run when a module loads, such as a token's default, even
// after a new spec kills them), then the scores and the equivalent mutants into README.md
// (equivalents.mjs). `npm run mutation -- --quick` re-tests only what changed, for iterating.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const here = import.meta.dirname;
const quick = process.argv.includes('--quick');
const extra = process.argv.slice(2).filter((arg) => arg !== '--quick');

for (const config of ['stryker.config.mjs', 'stryker.auth.config.mjs']) {
  const args = ['stryker', 'run', join(here, config), ...(quick ? [] : ['--force']), ...extra];
  const { status } = spawnSync('npx', args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
const { status } = spawnSync(process.execPath, [join(here, 'equivalents.mjs')], {
  stdio: 'inherit',
});
process.exit(status ?? 1);
