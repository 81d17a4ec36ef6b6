// `npm run docs`: the API reference of @keel/network (TypeDoc), from the JSDoc of each entry
// point's public API (projects/keel/network/entry-points.json), into dist/docs. Options show
// their `@default`.
import { readFileSync } from 'node:fs';

const library = 'projects/keel/network';
const { entryPoints } = JSON.parse(readFileSync(`${library}/entry-points.json`, 'utf8'));

/** `@keel/network` → src/index.ts; `@keel/network/session` → session/index.ts. */
const folderOf = (specifier) => specifier.split('/')[2] ?? 'src';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: '@keel/network',
  entryPoints: entryPoints.map((specifier) => `${library}/${folderOf(specifier)}/index.ts`),
  tsconfig: `${library}/tsconfig.lib.json`,
  readme: `${library}/README.md`,
  out: 'dist/docs',
  excludePrivate: true,
  // This repository has no remote to link sources to.
  disableSources: true,
  excludeInternal: true,
  // Angular's compiled-in statics (ɵfac, ɵprov) are not part of anyone's API.
  excludeNotDocumented: false,
  sort: ['kind', 'instance-first', 'alphabetical'],
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  treatWarningsAsErrors: false,
};
