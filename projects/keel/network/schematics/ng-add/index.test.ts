// `ng add @keel/network` against apps made by Angular's own schematics (the ones `ng new` runs),
// in memory. The adoption test (scripts/adoption.test.ts) runs it for real on a fresh `ng new`.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { UnitTestTree } from '@angular-devkit/schematics/testing';
import { SchematicTestRunner } from '@angular-devkit/schematics/testing';

const angular = new SchematicTestRunner(
  '@schematics/angular',
  join(dirname(require.resolve('@schematics/angular/package.json')), 'collection.json'),
);
const keel = new SchematicTestRunner('@keel/network', join(__dirname, '..', 'collection.json'));

const CONFIG = '/projects/demo/src/app/app.config.ts';
const MAIN = '/projects/demo/src/main.ts';

async function app(options: { standalone?: boolean } = {}): Promise<UnitTestTree> {
  const tree = await angular.runSchematic('workspace', {
    name: 'ws',
    newProjectRoot: 'projects',
    version: '21.2.0',
  });
  return angular.runSchematic(
    'application',
    { name: 'demo', standalone: options.standalone ?? true, skipTests: true, zoneless: true },
    tree,
  );
}

function snapshot(tree: UnitTestTree): Map<string, string> {
  return new Map(tree.files.map((file) => [file, tree.readContent(file)]));
}

describe('ng add @keel/network', () => {
  it('adds the network layer with the app version and the session by default', async () => {
    const tree = await keel.runSchematic('ng-add', { project: 'demo' }, await app());
    const config = tree.readContent(CONFIG);
    assert.match(config, /import \{ provideNetworkLayer \} from '@keel\/network';/);
    assert.match(config, /import \{ version \} from '..\/..\/..\/..\/package.json';/);
    assert.match(config, /provideNetworkLayer\(\{ appVersion: version \}\)/);
    assert.match(config, /import \{ provideSession \} from '@keel\/network\/session';/);
    assert.match(config, /provideSession\(\)/);
    assert.doesNotMatch(config, /provideFeatureFlags|provideObservability/);
    assert.equal(tree.exists('/projects/demo/public/config.json'), false);
  });

  it('allow-lists the origins asked for, and refuses what is not an origin', async () => {
    const tree = await keel.runSchematic(
      'ng-add',
      { project: 'demo', apiOrigins: ['https://api.example.com:8443'] },
      await app(),
    );
    assert.match(
      tree.readContent(CONFIG),
      /provideNetworkLayer\(\{ apiOrigins: \['https:\/\/api.example.com:8443'\], appVersion: version \}\)/,
    );
    await assert.rejects(
      keel.runSchematic(
        'ng-add',
        { project: 'demo', apiOrigins: ['https://api.example.com/v1'] },
        await app(),
      ),
      /is not an origin .* did you mean https:\/\/api.example.com\?/,
    );
    await assert.rejects(
      keel.runSchematic(
        'ng-add',
        { project: 'demo', apiOrigins: ['api.example.com'] },
        await app(),
      ),
      /"api.example.com" is not a URL/,
    );
  });

  it('adds flags with a typed registry, and the session they need', async () => {
    const tree = await keel.runSchematic(
      'ng-add',
      { project: 'demo', session: false, flags: true },
      await app(),
    );
    const config = tree.readContent(CONFIG);
    assert.match(config, /provideSession\(\)/);
    assert.match(config, /import \{ FLAGS \} from '.\/feature-flags';/);
    assert.match(config, /provideFeatureFlags\(\{ flags: FLAGS \}\)/);
    const registry = tree.readContent('/projects/demo/src/app/feature-flags.ts');
    assert.match(registry, /satisfies FlagDefinitions/);
    assert.match(registry, /declare module '@keel\/network\/flags'/);
  });

  it('adds observability: the provider, config.json for the DSN and Sentry started in main.ts', async () => {
    const tree = await keel.runSchematic(
      'ng-add',
      { project: 'demo', observability: true },
      await app(),
    );
    assert.match(tree.readContent(CONFIG), /provideObservability\(\)/);
    assert.deepEqual(JSON.parse(tree.readContent('/projects/demo/public/config.json')), {
      sentry: { dsn: '', environment: 'production' },
    });
    const main = tree.readContent(MAIN);
    assert.match(
      main,
      /import \{ loadRuntimeConfig, startSentry \} from '@keel\/network\/observability';/,
    );
    assert.match(main, /import \{ version \} from '..\/..\/..\/package.json';/);
    assert.ok(
      main.indexOf('startSentry(config') < main.indexOf('bootstrapApplication('),
      'Sentry starts before the app bootstraps',
    );
  });

  it('changes nothing when run a second time', async () => {
    const options = { project: 'demo', flags: true, observability: true };
    const once = await keel.runSchematic('ng-add', options, await app());
    const before = snapshot(once);
    const twice = await keel.runSchematic('ng-add', options, once);
    assert.deepEqual(snapshot(twice), before);
  });

  it('keeps a config.json and a flag registry the app already has', async () => {
    const tree = await app();
    tree.create('/projects/demo/public/config.json', '{"sentry":{"dsn":"https://k@o.ingest/1"}}');
    tree.create('/projects/demo/src/app/feature-flags.ts', 'export const FLAGS = {};\n');
    const after = await keel.runSchematic(
      'ng-add',
      { project: 'demo', flags: true, observability: true },
      tree,
    );
    assert.equal(
      after.readContent('/projects/demo/public/config.json'),
      '{"sentry":{"dsn":"https://k@o.ingest/1"}}',
    );
    assert.equal(
      after.readContent('/projects/demo/src/app/feature-flags.ts'),
      'export const FLAGS = {};\n',
    );
  });

  it('refuses an NgModule app clearly, changing nothing', async () => {
    const tree = await app({ standalone: false });
    const before = snapshot(tree);
    await assert.rejects(
      keel.runSchematic('ng-add', { project: 'demo' }, tree),
      /bootstraps an NgModule, which this schematic cannot update/,
    );
    assert.deepEqual(snapshot(tree), before);
  });

  it('refuses a project that is not an application', async () => {
    const tree = await angular.runSchematic('library', { name: 'lib' }, await app());
    await assert.rejects(
      keel.runSchematic('ng-add', { project: 'lib' }, tree),
      /"lib" is not an application/,
    );
  });

  it('says to drop provideHttpClient when the app already had it', async () => {
    const tree = await app();
    tree.overwrite(
      CONFIG,
      tree
        .readContent(CONFIG)
        .replace('providers: [', 'providers: [provideHttpClient(), ')
        .replace(/^/, "import { provideHttpClient } from '@angular/common/http';\n"),
    );
    const messages: string[] = [];
    const subscription = keel.logger.subscribe((entry) => messages.push(entry.message));
    try {
      await keel.runSchematic('ng-add', { project: 'demo' }, tree);
    } finally {
      subscription.unsubscribe();
    }
    assert.ok(
      messages.some((m) => /also calls provideHttpClient\(\): remove it/.test(m)),
      messages.join('\n'),
    );
  });
});
