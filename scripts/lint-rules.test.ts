// The boundaries in eslint.config.js, each pinned by a fixture that breaks it (and a compliant
// twin that passes), so loosening a rule fails a test, not just a review. Fixtures live in
// scripts/lint-fixtures/ (ignored by the normal lint run); each names on its first line the
// path it is linted as, so the boundaries rules see it where it would live.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint, type Linter } from 'eslint';

const root = join(__dirname, '..');
const fixtures = join(__dirname, 'lint-fixtures');
// ignore: false, or the fixtures folder's entry in `ignores` would skip the cycle fixtures.
const eslint = new ESLint({ cwd: root, ignore: false });

/** Lints a fixture at the path its first line names; returns its errors. */
async function lintFixture(name: string): Promise<Linter.LintMessage[]> {
  const text = readFileSync(join(fixtures, name), 'utf8');
  const lintAs = /^\/\/ lint as: (\S+)/.exec(text)?.[1];
  assert.ok(lintAs, `${name} names the path it is linted as on its first line`);
  const [result] = await eslint.lintText(text, { filePath: join(root, lintAs) });
  return result?.messages ?? [];
}

async function lintFile(path: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintFiles([join(fixtures, path)]);
  return result?.messages ?? [];
}

function describe(messages: Linter.LintMessage[]): string {
  return messages.map((m) => `${m.ruleId}: ${m.message}`).join('\n') || '(no errors)';
}

/** Each rule: the fixture that breaks it, what must be said, and its compliant twins. */
const RULES: {
  what: string;
  fixture: string;
  ruleId: string;
  message: RegExp;
  compliant: string[];
}[] = [
  {
    what: 'a feature never imports another feature’s files, only its index.ts',
    fixture: 'feature-imports-feature.ts',
    ruleId: 'boundaries/dependencies',
    message: /another feature only through its index\.ts/,
    compliant: ['feature-imports-feature.ok.ts'],
  },
  {
    what: '@keel/network’s entry points import each other in LIB_LAYERS’ direction only',
    fixture: 'entry-against-direction.ts',
    ruleId: 'no-restricted-imports',
    message: /@keel\/network\/data may import only @keel\/network \(LIB_LAYERS/,
    compliant: ['entry-against-direction.ok.ts'],
  },
  {
    what: 'an entry point imports another by package name, never by path',
    fixture: 'entry-by-path.ts',
    ruleId: 'no-restricted-imports',
    message: /imports the other entry points by package name, never by path/,
    compliant: ['entry-against-direction.ok.ts'],
  },
  {
    what: 'the app imports @keel/network through its entry points only',
    fixture: 'app-deep-import.ts',
    ruleId: 'no-restricted-imports',
    message: /Import @keel\/network through its entry points only/,
    compliant: ['app-deep-import.ok.ts'],
  },
  {
    what: 'the app never reaches the library by path',
    fixture: 'app-imports-library-path.ts',
    ruleId: 'no-restricted-imports',
    message: /by its package name and entry points, never by path/,
    compliant: ['app-deep-import.ok.ts'],
  },
  {
    what: 'the library never imports the app',
    fixture: 'library-imports-app.ts',
    ruleId: 'no-restricted-imports',
    message: /The library never imports the app/,
    compliant: [],
  },
  {
    what: 'production code never imports the testing entry',
    fixture: 'production-imports-testing.ts',
    ruleId: 'no-restricted-imports',
    message: /Production code never imports @keel\/network\/testing/,
    compliant: ['production-imports-testing.ok.ts'],
  },
  {
    what: 'the library’s own production code never imports the testing entry',
    fixture: 'library-imports-testing.ts',
    ruleId: 'no-restricted-imports',
    message: /@keel\/network\/flags may import only @keel\/network, @keel\/network\/session/,
    compliant: [],
  },
  {
    what: 'no deep imports into @keel/network/testing, not even from specs',
    fixture: 'testing-deep-import.ts',
    ruleId: 'no-restricted-imports',
    message: /Import @keel\/network through its entry points only/,
    compliant: ['testing-deep-import.ok.ts'],
  },
  {
    what: "the app formats with Intl, not with Angular's pipes",
    fixture: 'app-uses-angular-formatting.ts',
    ruleId: 'no-restricted-imports',
    message: /Format with src\/app\/shared\/format\.ts/,
    compliant: ['app-uses-angular-formatting.ok.ts'],
  },
  {
    what: "a signed-in page's first load draws native buttons, not MatButton",
    fixture: 'first-load-uses-mat-button.ts',
    ruleId: 'no-restricted-imports',
    message: /draws native buttons: @include a mixin of src\/app\/shared\/native-controls\.scss/,
    compliant: ['first-load-uses-mat-button.ok.ts'],
  },
  {
    what: 'pages use stores; only stores and repositories use repositories',
    fixture: 'page-uses-repository.ts',
    ruleId: 'boundaries/dependencies',
    message: /Only stores and repositories use a repository/,
    compliant: ['page-uses-repository.ok.ts', 'store-uses-repository.ok.ts'],
  },
  {
    what: 'the app never imports the server, e2e, scripts or bench',
    fixture: 'app-imports-node-code.ts',
    ruleId: 'boundaries/dependencies',
    message: /never imports the server, e2e, scripts or bench/,
    compliant: ['app-imports-contracts.ok.ts'],
  },
  {
    what: 'the app imports contracts/ as types only',
    fixture: 'app-imports-contracts-value.ts',
    ruleId: 'boundaries/dependencies',
    message: /Import contracts\/ with `import type`/,
    compliant: ['app-imports-contracts.ok.ts'],
  },
  {
    what: 'contracts/ holds types only and imports no package',
    fixture: 'contracts-runtime.ts',
    ruleId: 'no-restricted-syntax',
    message: /contracts\/ holds types only/,
    compliant: ['contracts-types.ok.ts'],
  },
  {
    what: 'Node code gets TypeScript-aware lint',
    fixture: 'node-code.ts',
    ruleId: '@typescript-eslint/no-explicit-any',
    message: /Unexpected any/,
    compliant: ['node-code.ok.ts'],
  },
];

for (const rule of RULES) {
  test(`lint: ${rule.what}`, async () => {
    const broken = await lintFixture(rule.fixture);
    assert.ok(
      broken.some((m) => m.ruleId === rule.ruleId && rule.message.test(m.message)),
      `${rule.fixture} should fail ${rule.ruleId} with ${rule.message}, got:\n${describe(broken)}`,
    );
    for (const compliant of rule.compliant) {
      const messages = await lintFixture(compliant);
      assert.deepEqual(messages, [], `${compliant} should pass, got:\n${describe(messages)}`);
    }
  });
}

test('lint: import cycles are refused (keel/no-import-cycle)', async () => {
  for (const file of ['cycle/a.ts', 'cycle/b.ts', 'type-cycle/a.ts', 'type-cycle/b.ts']) {
    const messages = await lintFile(file);
    assert.ok(
      messages.some((m) => m.ruleId === 'keel/no-import-cycle'),
      `${file} should fail keel/no-import-cycle, got:\n${describe(messages)}`,
    );
  }
  for (const file of ['no-cycle/a.ts', 'no-cycle/b.ts']) {
    assert.deepEqual(await lintFile(file), [], `${file} should pass`);
  }
});

test('lint: the cycle rule and TypeScript-aware rules cover src, the library, server, e2e, scripts, bench and contracts', async () => {
  const files = [
    'src/app/app.ts',
    'server/src/main.ts',
    'e2e/smoke.e2e.ts',
    'scripts/serve-dist.ts',
    'scripts/start.mjs',
    'bench/run.ts',
    'bench/harness/scenarios/soak.ts',
    'contracts/dev-api.ts',
    'projects/keel/network/src/index.ts',
    'projects/keel/network/schematics/ng-add/index.ts',
  ];
  for (const file of files) {
    const config = (await eslint.calculateConfigForFile(join(root, file))) as Linter.Config;
    const severity = (id: string) => {
      const entry = config.rules?.[id];
      return Array.isArray(entry) ? entry[0] : entry;
    };
    assert.ok(
      [2, 'error'].includes(severity('keel/no-import-cycle') as number),
      `${file}: no-cycle`,
    );
    assert.ok(
      [2, 'error'].includes(severity('@typescript-eslint/no-explicit-any') as number),
      `${file}: typescript-eslint recommended`,
    );
  }
  // The boundaries rules apply to the app's code.
  const app = (await eslint.calculateConfigForFile(join(root, 'src/app/app.ts'))) as Linter.Config;
  assert.ok(app.rules?.['boundaries/dependencies'], 'src/: boundaries/dependencies');
});
