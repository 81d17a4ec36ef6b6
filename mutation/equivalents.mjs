// The last step of `npm run mutation`: from the two JSON reports (reports/mutation/mutation.json
// for the network layer, auth.json for the session), the scores, and every mutant marked
// equivalent with its reason. The reason lives once, in the `// Stryker disable` comment above
// the line; this writes the list into README.md between the mutation markers, so README says
// what the code says.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const RUNS = [
  { name: '`@keel/network` (the network layer, `src/`)', report: 'mutation.json' },
  { name: '`@keel/network/session` (`session/`)', report: 'auth.json' },
];
const START = '<!-- mutation:start (written by mutation/equivalents.mjs) -->';
const END = '<!-- mutation:end -->';
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(2)} %` : 'n/a');
const short = (file) => file.replace(/^projects\/keel\/network\//, '');

const scores = [];
const equivalents = [];
for (const run of RUNS) {
  const path = join(root, 'reports', 'mutation', run.report);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run mutation first.`);
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const count = { detected: 0, undetected: 0, ignored: 0, survivors: [] };
  for (const [file, result] of Object.entries(report.files)) {
    // One line per marked line: the mutators there and the reason its comment gives.
    const marked = new Map();
    for (const mutant of result.mutants) {
      if (DETECTED.has(mutant.status)) count.detected++;
      else if (UNDETECTED.has(mutant.status)) {
        count.undetected++;
        count.survivors.push(`${short(file)}:${mutant.location.start.line}`);
      } else if (mutant.status === 'Ignored') {
        count.ignored++;
        const key = `${mutant.location.start.line}`;
        const entry = marked.get(key) ?? { mutators: new Set(), reason: mutant.statusReason };
        entry.mutators.add(mutant.mutatorName);
        marked.set(key, entry);
      }
    }
    for (const [line, { mutators, reason }] of marked)
      equivalents.push({
        where: `${short(file)}:${line}`,
        file: short(file),
        line: Number(line),
        mutators: [...mutators].sort().join(', '),
        reason: reason.replace(/\|/g, '\\|'),
      });
  }
  scores.push({ ...run, ...count });
}
equivalents.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);

const lines = [
  START,
  '',
  '| run | mutants | killed or timed out | survived or not covered | marked equivalent | score (Stryker: equivalents left out) | score with equivalents counted as survivors |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...scores.map(
    (s) =>
      `| ${s.name} | ${s.detected + s.undetected + s.ignored} | ${s.detected} | ${s.undetected}${s.survivors.length ? ` (${s.survivors.join(', ')})` : ''} | ${s.ignored} | ${percent(s.detected, s.detected + s.undetected)} | ${percent(s.detected, s.detected + s.undetected + s.ignored)} |`,
  ),
  '',
  `The ${equivalents.length} lines with mutants marked equivalent (\`// Stryker disable\` in the code, with the reason no caller can tell the difference):`,
  '',
  '| where | mutators | why no caller can tell |',
  '| --- | --- | --- |',
  ...equivalents.map((e) => `| \`${e.where}\` | ${e.mutators} | ${e.reason} |`),
  '',
  END,
];

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block to fill.`);
writeFileSync(readmePath, readme.slice(0, from) + lines.join('\n') + readme.slice(to + END.length));
// The tables as the rest of README has them (npm run lint checks it).
spawnSync('npx', ['prettier', '--write', readmePath], { stdio: 'ignore' });
for (const s of scores)
  console.log(
    `${s.name}: ${percent(s.detected, s.detected + s.undetected)} (${s.detected} detected, ${s.undetected} undetected, ${s.ignored} equivalent)`,
  );
console.log(`README.md: ${equivalents.length} lines with equivalent mutants listed.`);
