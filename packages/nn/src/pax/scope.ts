import * as ax from '@addax/core';

/** Variables by collection, each a tree of dicts nested by child name (Flax's layout). */
export type Variables = Record<string, Record<string, unknown>>;

/** Which collections a call may change: none, all, or those named. */
export type Mutable = boolean | readonly string[];

/** One `init` or `apply` in progress: what the layers of its tree read and write. */
export interface Scope {
  readonly root: object;
  readonly variables: Variables;
  readonly mutable: Mutable;
  readonly rngs: Readonly<Record<string, ax.Array>>;
  readonly initializing: boolean;
  /** How many keys each layer has drawn from each stream, so each draw differs. */
  readonly draws: Map<string, number>;
}

const scopes: Scope[] = [];

/** Runs `fn` with `scope` as the current one. */
export function inScope<T>(scope: Scope, fn: () => T): T {
  scopes.push(scope);
  try {
    return fn();
  } finally {
    scopes.pop();
  }
}

/** The current scope, or undefined outside `init`/`apply`. */
export const currentScope = (): Scope | undefined => scopes.at(-1);

export function isMutable(scope: Scope, collection: string): boolean {
  return typeof scope.mutable === 'boolean' ? scope.mutable : scope.mutable.includes(collection);
}

/** The dict of `path` in `collection`, made (with its parents) when `create` and missing. */
export function dictAt(
  variables: Variables,
  collection: string,
  path: readonly string[],
  create: boolean,
): Record<string, unknown> | undefined {
  let dict = variables[collection];
  if (!dict) {
    if (!create) return undefined;
    dict = variables[collection] = {};
  }
  for (const name of path) {
    let next = dict[name];
    if (!ax.tree.isPlainObject(next)) {
      if (!create) return undefined;
      next = dict[name] = {};
    }
    dict = next as Record<string, unknown>;
  }
  return dict;
}

/** A 31-bit FNV-1a hash of `text`: folds a layer's path into a key, as Flax folds its scope path. */
export function hashPath(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) & 0x7fffffff;
}
