#!/usr/bin/env node
// `npm test`: lint, the server's type check and tests, `ng test` and Playwright, in turn, then
// one plain line `N passed, N failed` summed over every runner. Each runner writes its counts
// to a file through a tiny reporter; a runner that crashes, writes nothing, runs no test, or
// exits non-zero with no failure counted adds one failure, so a broken run never says `0 failed`.
// KEEL_TEST_STEPS=lint,unit (names below) runs a subset, for local work.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();

const resultsDir = mkdtempSync(join(tmpdir(), 'keel-test-'));
const env = { ...process.env, KEEL_RESULTS_DIR: resultsDir };

/** Steps without `results` are checks that count as one test each. */
const STEPS = [
  { name: 'lint', title: 'lint (ESLint + Prettier)', script: 'lint' },
  { name: 'typecheck', title: 'server type check', script: 'typecheck:server' },
  {
    name: 'server',
    title: 'server tests (node:test)',
    script: 'test:server',
    results: 'server.json',
  },
  {
    name: 'unit',
    title: 'unit tests of the app (ng test keel, Karma)',
    script: 'test:unit',
    results: 'karma.json',
  },
  {
    name: 'unit-lib',
    title: 'unit tests of @keel/network (ng test @keel/network, Karma)',
    script: 'test:unit:lib',
    results: 'karma-lib.json',
  },
  {
    name: 'library',
    title: '@keel/network as a package (build, public API report, ng add, adoption in a fresh app)',
    script: 'test:lib',
    results: 'library.json',
  },
  { name: 'e2e', title: 'e2e tests (Playwright)', script: 'test:e2e', results: 'playwright.json' },
];

const only = process.env.KEEL_TEST_STEPS?.split(',').map((s) => s.trim());
const total = { passed: 0, failed: 0, skipped: 0 };
const report = [];

for (const step of STEPS.filter((s) => !only || only.includes(s.name))) {
  console.log(`\n=== ${step.title} ===`);
  const exitCode =
    spawnSync('npm', ['run', '--silent', step.script], { stdio: 'inherit', env }).status ?? 1;
  const { counts, problem } = step.results
    ? runnerCounts(step.results, exitCode)
    : checkCounts(exitCode);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped ?? 0;
  report.push(
    `${step.title}: ${counts.passed} passed, ${counts.failed} failed${problem ? ` (${problem})` : ''}`,
  );
}

rmSync(resultsDir, { recursive: true, force: true });
console.log('\n=== summary ===');
for (const line of report) console.log(line);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed > 0 ? 1 : 0);

function checkCounts(exitCode) {
  return { counts: { passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1 } };
}

function runnerCounts(file, exitCode) {
  const counts = readJson(join(resultsDir, file));
  if (!counts)
    return {
      counts: { passed: 0, failed: 1 },
      problem: `runner error: no results, exit code ${exitCode}`,
    };
  if (counts.error)
    return { counts: { ...counts, failed: counts.failed + 1 }, problem: 'runner error' };
  if (exitCode !== 0 && counts.failed === 0) {
    return { counts: { ...counts, failed: 1 }, problem: `runner exited with ${exitCode}` };
  }
  if (counts.passed + counts.failed === 0)
    return { counts: { ...counts, failed: 1 }, problem: 'no tests ran' };
  return { counts };
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
