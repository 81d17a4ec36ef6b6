// `ng add @keel/network`: puts the network layer (and, when asked, the session, feature flags
// and observability) into a standalone Angular app's root providers. Every step first looks
// whether its work is already there, so running it twice changes nothing.
import { posix } from 'node:path';
import {
  type Rule,
  type SchematicContext,
  SchematicsException,
  type Tree,
  chain,
} from '@angular-devkit/schematics';
import { addRootProvider, readWorkspace } from '@schematics/angular/utility';
import { isStandaloneApp } from '@schematics/angular/utility/ng-ast-utils';
import { findAppConfig } from '@schematics/angular/utility/standalone/app_config';
import {
  findBootstrapApplicationCall,
  getMainFilePath,
} from '@schematics/angular/utility/standalone/util';
import type { NgAddOptions } from './schema';

const PACKAGE = '@keel/network';

/** What the chosen options add, in the order they are added (the session before the flags). */
interface Plan {
  readonly project: string;
  readonly main: string;
  /** The file whose `providers` array gets the providers (app.config.ts, or main.ts). */
  readonly config: string;
  readonly sourceRoot: string;
  readonly root: string;
  readonly options: Required<Omit<NgAddOptions, 'project'>>;
}

export function ngAdd(options: NgAddOptions): Rule {
  return async (tree: Tree, context: SchematicContext) => {
    const plan = await planFor(tree, options, context);
    return chain([
      provider(plan, 'provideNetworkLayer', PACKAGE, (external) => {
        const version = external('version', relativeImport(plan.config, '/package.json'));
        const origins = plan.options.apiOrigins.map((o) => `'${o}'`).join(', ');
        return origins
          ? `{ apiOrigins: [${origins}], appVersion: ${version} }`
          : `{ appVersion: ${version} }`;
      }),
      plan.options.session ? provider(plan, 'provideSession', `${PACKAGE}/session`) : noop,
      plan.options.flags ? flagRegistry(plan) : noop,
      plan.options.flags
        ? provider(
            plan,
            'provideFeatureFlags',
            `${PACKAGE}/flags`,
            (external) =>
              `{ flags: ${external('FLAGS', relativeImport(plan.config, flagsFile(plan)))} }`,
          )
        : noop,
      plan.options.observability
        ? provider(plan, 'provideObservability', `${PACKAGE}/observability`)
        : noop,
      plan.options.observability ? runtimeConfig(plan) : noop,
      plan.options.observability ? sentryStart(plan) : noop,
      nextSteps(plan),
    ]);
  };
}

async function planFor(
  tree: Tree,
  options: NgAddOptions,
  context: SchematicContext,
): Promise<Plan> {
  const workspace = await readWorkspace(tree);
  const name = options.project || [...workspace.projects.keys()][0];
  const project = name ? workspace.projects.get(name) : undefined;
  if (!name || !project) throw new SchematicsException(`ng add ${PACKAGE}: no project "${name}".`);
  if (project.extensions['projectType'] !== 'application')
    throw new SchematicsException(
      `ng add ${PACKAGE}: "${name}" is not an application; run it for the app that makes the calls (--project).`,
    );
  const main = await getMainFilePath(tree, name);
  if (!isStandaloneApp(tree, main))
    throw new SchematicsException(
      `ng add ${PACKAGE}: ${main} bootstraps an NgModule, which this schematic cannot update. ` +
        `Add provideNetworkLayer() (and provideSession(), ...) to your root module's providers by hand, ` +
        `or move the app to bootstrapApplication() first (ng generate @angular/core:standalone).`,
    );
  const config =
    findAppConfig(findBootstrapApplicationCall(tree, main), tree, main)?.filePath ?? main;
  const flags = options.flags ?? false;
  if (flags && options.session === false)
    context.logger.warn(
      'Feature flags are loaded for the signed-in user: adding the session too (provideSession()).',
    );
  const root = project.root ? `/${project.root}` : '/';
  return {
    project: name,
    main: absolute(main),
    config: absolute(config),
    root,
    sourceRoot: project.sourceRoot ? `/${project.sourceRoot}` : posix.join(root, 'src'),
    options: {
      apiOrigins: (options.apiOrigins ?? []).map(checkedOrigin),
      session: (options.session ?? true) || flags,
      flags,
      observability: options.observability ?? false,
    },
  };
}

/** An origin as `apiOrigins` compares them (`scheme://host[:port]`), or a clear refusal. */
function checkedOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SchematicsException(
      `--api-origins: "${value}" is not a URL such as https://api.example.com`,
    );
  }
  if (url.origin === 'null' || url.pathname !== '/' || url.search || url.hash)
    throw new SchematicsException(
      `--api-origins: "${value}" is not an origin (scheme://host[:port], no path): did you mean ${url.origin}?`,
    );
  return url.origin;
}

/** Adds `name(args)` to the root providers unless the config already calls it. */
function provider(
  plan: Plan,
  name: string,
  from: string,
  args?: (external: (symbol: string, module: string) => string) => string,
): Rule {
  return (tree, context) => {
    if (calls(tree, plan.config, name)) {
      context.logger.info(`${name}() is already in ${plan.config}: left as it is.`);
      return;
    }
    // external() records an import and stands for the imported name (aliased on a clash).
    return addRootProvider(
      plan.project,
      ({ code, external }) => code`${external(name, from)}(${args ? args(external) : ''})`,
    );
  };
}

function flagsFile(plan: Plan): string {
  return posix.join(plan.sourceRoot, 'app', 'feature-flags.ts');
}

/** The app's flag registry, declared once and typed through the library's `FlagRegistry`. */
function flagRegistry(plan: Plan): Rule {
  return (tree, context) => {
    const file = flagsFile(plan);
    if (tree.exists(file)) {
      context.logger.info(`${file} exists: left as it is.`);
      return;
    }
    tree.create(
      file,
      `import type { FlagDefinitions } from '${PACKAGE}/flags';

/**
 * Every flag the app knows, with its type and the value it takes until the server says
 * otherwise (GET /api/flags). Declaring a flag here is all it takes to use it:
 * injectFlag('name'), *keelFlag="'name'", flagGuard('name').
 */
export const FLAGS = {
  /** An example: replace it with your own flags. */
  example_feature: { type: 'boolean', default: false },
} as const satisfies FlagDefinitions;

// Types injectFlag(), the directive and the guard by this app's flags.
declare module '${PACKAGE}/flags' {
  interface FlagRegistry {
    flags: typeof FLAGS;
  }
}
`,
    );
  };
}

/** public/config.json: where the Sentry DSN goes at deploy time (empty: Sentry stays off). */
function runtimeConfig(plan: Plan): Rule {
  return (tree, context) => {
    const file = posix.join(plan.root, 'public', 'config.json');
    if (tree.exists(file)) {
      context.logger.info(`${file} exists: left as it is (set "sentry.dsn" there).`);
      return;
    }
    tree.create(
      file,
      JSON.stringify({ sentry: { dsn: '', environment: 'production' } }, null, 2) + '\n',
    );
  };
}

/** Starts Sentry from main.ts, as the library's README shows, unless main.ts already does. */
function sentryStart(plan: Plan): Rule {
  return (tree, context) => {
    if (calls(tree, plan.main, 'startSentry')) {
      context.logger.info(`${plan.main} already starts Sentry: left as it is.`);
      return;
    }
    const text = read(tree, plan.main);
    const at = text.search(/^bootstrapApplication\(/m);
    if (at < 0) {
      context.logger.warn(
        `No bootstrapApplication( line in ${plan.main}: start Sentry by hand (README).`,
      );
      return;
    }
    const version = relativeImport(plan.main, '/package.json');
    const imports =
      `\nimport { loadRuntimeConfig, startSentry } from '${PACKAGE}/observability';` +
      (/\bversion\b/.test(text) ? '' : `\nimport { version } from '${version}';`);
    const start =
      `// Sentry starts once public/config.json names a DSN (none: off); errors and failed calls\n` +
      `// from before it loads are kept and sent then. Added by ng add ${PACKAGE}.\n` +
      `loadRuntimeConfig()\n` +
      `  .then((config) => startSentry(config, { release: version, platform: 'web' }))\n` +
      `  .catch((err: unknown) => console.error('Sentry did not start', err));\n\n`;
    const lastImport = [...text.matchAll(/^import[^;]+;/gm)].pop();
    const afterImports = lastImport ? lastImport.index + lastImport[0].length : 0;
    const recorder = tree.beginUpdate(plan.main);
    recorder.insertLeft(afterImports, imports);
    recorder.insertLeft(at, start);
    tree.commitUpdate(recorder);
  };
}

function nextSteps(plan: Plan): Rule {
  return (tree, context) => {
    const lines = [
      `${PACKAGE} is set up in ${plan.config}. Next:`,
      '- Calls made with HttpClient now go through the network layer; the UI sees AppError.',
    ];
    if (calls(tree, plan.config, 'provideHttpClient'))
      lines.push(
        `- ${plan.config} also calls provideHttpClient(): remove it (provideNetworkLayer provides HttpClient) ` +
          'and pass its features as provideNetworkLayer(options, ...features).',
      );
    if (plan.options.session)
      lines.push(
        '- Sign in with inject(SessionService).signIn(email, password); guard routes with signedInGuard.',
      );
    if (plan.options.flags) lines.push(`- Declare your flags in ${flagsFile(plan)}.`);
    if (plan.options.observability)
      lines.push(`- Put your Sentry DSN in ${posix.join(plan.root, 'public', 'config.json')}.`);
    lines.push('- Options and defaults: the README of @keel/network.');
    context.logger.info(lines.join('\n'));
  };
}

function noop(): void {}

function read(tree: Tree, path: string): string {
  const text = tree.readText(path);
  if (text === null) throw new SchematicsException(`Cannot read ${path}.`);
  return text;
}

/** Whether `file` calls `name(` outside comments (a cheap check that keeps the schematic idempotent). */
function calls(tree: Tree, file: string, name: string): boolean {
  const code = read(tree, file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  return new RegExp(`\\b${name}\\s*\\(`).test(code);
}

function absolute(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

/** The import specifier of `target` from `from` (both tree paths), without a .ts ending. */
function relativeImport(from: string, target: string): string {
  const relative = posix.relative(posix.dirname(from), target).replace(/\.ts$/, '');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
