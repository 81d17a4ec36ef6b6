// @ts-check
// keel/no-import-cycle: refuses an import that leads back to the file it is in, through any
// chain of relative imports, type-only ones included. Why not import-x/no-cycle: it skips
// `import type` unconditionally, and both cycles issue 15 found closed through one
// (core/observability's `import type … from '../data'`; sentry-bridge's `import type * from
// './sentry-sdk'`). Erased at run time or not, such a loop ties the two ends together: neither
// can move or be understood without the other. Package imports are not followed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const EXTENSIONS = ['.ts', '.mts', '.cts', '.mjs', '.cjs', '.js'];

/** file → { mtimeMs, deps }: each file read once per lint run unless it changes. */
const cache = new Map();

function isFile(file) {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The file a relative specifier names: as written, with an extension, or a folder's index. */
function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  // NodeNext style: './x.js' names './x.ts'.
  if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/js$/, 'ts'));
  return candidates.find(isFile) ?? null;
}

/** Whether an import or export declaration brings in types only (erased at run time). */
function isTypeOnly(statement) {
  if (ts.isExportDeclaration(statement)) return statement.isTypeOnly;
  const clause = statement.importClause;
  if (!clause) return false; // `import './x'` runs x
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** What a file on disk imports (static, dynamic, re-exports), resolved, with `typeOnly`. */
function depsOf(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return [];
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.deps;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  /** @type {Map<string, boolean>} target → every import of it so far is type-only */
  const found = new Map();
  const add = (specifier, typeOnly) => {
    const target = resolve(file, specifier);
    if (target !== null) found.set(target, (found.get(target) ?? true) && typeOnly);
  };
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, isTypeOnly(node));
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) add(literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const deps = [...found].map(([target, typeOnly]) => ({ file: target, typeOnly }));
  cache.set(file, { mtimeMs: stat.mtimeMs, deps });
  return deps;
}

/** The shortest chain of imports from `start` back to `target`, or null. */
function pathBack(start, target, typeImports) {
  const parent = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    for (const { file: dep, typeOnly } of depsOf(file)) {
      if (typeOnly && !typeImports) continue;
      if (dep === target) {
        const chain = [dep];
        for (let at = /** @type {string | null} */ (file); at !== null; at = parent.get(at)) {
          chain.unshift(at);
        }
        return chain;
      }
      if (!parent.has(dep)) {
        parent.set(dep, file);
        queue.push(dep);
      }
    }
  }
  return null;
}

/** Whether an ESTree import/export node brings in types only. */
function isTypeOnlyNode(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  return (
    node.type === 'ImportDeclaration' &&
    node.specifiers.length > 0 &&
    node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type')
  );
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse import cycles, type-only imports included' },
    schema: [
      {
        type: 'object',
        properties: {
          // false: follow value imports only, as import-x/no-cycle does (for a documented
          // exception in eslint.config.js).
          typeImports: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    ],
    messages: { cycle: 'Import cycle: {{chain}}.' },
  },
  create(context) {
    const self = path.resolve(context.filename);
    const root = context.cwd;
    const typeImports = context.options[0]?.typeImports ?? true;
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!typeImports && isTypeOnlyNode(node)) return;
      const target = resolve(self, source.value);
      if (target === null || target === self) return;
      const chain = pathBack(target, self, typeImports);
      if (chain === null) return;
      const names = [self, ...chain].map((f) => path.relative(root, f));
      context.report({ node, messageId: 'cycle', data: { chain: names.join(' → ') } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
