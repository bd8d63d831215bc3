import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The directory of package `name` as Node would find it from `cwd` (nearest `node_modules` first). */
export function findPackageDir(name: string, cwd: string): string | undefined {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Every installed `@addax/backend-*` package resolvable from `cwd`, by name (the nearest
 * `node_modules` wins).
 *
 * @example
 * ```ts
 * installedBackendPackages(process.cwd()); // e.g. ['@addax/backend-cpu']
 * ```
 */
export function installedBackendPackages(cwd: string): string[] {
  const names = new Set<string>();
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const scope = path.join(dir, 'node_modules', '@addax');
    if (existsSync(scope)) {
      for (const entry of readdirSync(scope)) if (entry.startsWith('backend-')) names.add(`@addax/${entry}`);
    }
    if (path.dirname(dir) === dir) return [...names].sort();
  }
}

type Exports = string | { readonly [condition: string]: Exports | undefined } | undefined;

/** The ESM file a package's `exports` (or `module`, or `main`) points an `import` at. */
function esmEntry(pkg: {
  exports?: Exports | Record<string, Exports>;
  module?: string;
  main?: string;
}): string {
  const pick = (e: Exports): string | undefined => {
    if (typeof e === 'string' || e === undefined) return e;
    return pick(e['import']) ?? pick(e['default']) ?? pick(e['node']);
  };
  const root =
    typeof pkg.exports === 'object' && pkg.exports !== null && '.' in pkg.exports
      ? pkg.exports['.']
      : pkg.exports;
  return pick(root as Exports) ?? pkg.module ?? pkg.main ?? 'index.js';
}

/**
 * The module a `--backend` argument names: an installed package (found from `cwd`), a package
 * directory (`.`, `../my-backend`), or a JavaScript file. Throws an Error saying what was tried.
 */
export function moduleToImport(spec: string, cwd: string): { url: string; packageName?: string } {
  const isPath = spec.startsWith('.') || path.isAbsolute(spec);
  const target = isPath ? path.resolve(cwd, spec) : findPackageDir(spec, cwd);
  if (target === undefined) {
    throw new Error(
      `cannot find package '${spec}' in any node_modules from ${cwd}; install it or pass its directory`,
    );
  }
  if (!existsSync(target)) throw new Error(`'${spec}': ${target} does not exist`);
  if (statSync(target).isFile()) return { url: pathToFileURL(realpathSync(target)).href };
  const manifest = path.join(target, 'package.json');
  if (!existsSync(manifest)) throw new Error(`'${spec}': ${target} has no package.json`);
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Parameters<typeof esmEntry>[0] & {
    name?: string;
  };
  const entry = path.join(target, esmEntry(pkg));
  if (!existsSync(entry)) {
    throw new Error(`'${spec}': its entry ${entry} does not exist (build the package first)`);
  }
  return {
    url: pathToFileURL(realpathSync(entry)).href,
    ...(pkg.name !== undefined && { packageName: pkg.name }),
  };
}
