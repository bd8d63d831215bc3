import { AddaxError } from '../errors.js';

/** How a registered class splits into children and comes back (JAX's `register_pytree_node`). */
interface NodeType<T = unknown, A = unknown> {
  readonly name: string;
  flatten(node: T): [children: unknown[], auxData: A];
  unflatten(auxData: A, children: unknown[]): T;
  /** Whether two aux data describe the same structure. */
  equalAux(a: A, b: A): boolean;
}

const registry = new Map<abstract new (...args: never[]) => unknown, NodeType>();

function sameKeys(a: unknown, b: unknown): boolean {
  const x = a as readonly string[];
  const y = b as readonly string[];
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

const LIST: NodeType<unknown[], number> = {
  name: 'list',
  flatten: (node) => [node, node.length],
  unflatten: (_, children) => children,
  equalAux: (a, b) => a === b,
};

// Keys sorted, as JAX sorts dict keys, so `{a, b}` and `{b, a}` are one structure.
const OBJECT: NodeType<Record<string, unknown>, readonly string[]> = {
  name: 'object',
  flatten: (node) => {
    const keys = Object.keys(node).sort();
    return [keys.map((k) => node[k]), keys];
  },
  unflatten: (keys, children) => Object.fromEntries(keys.map((k, i) => [k, children[i]])),
  equalAux: sameKeys,
};

/**
 * Makes instances of `cls` pytree nodes: transformations look inside them for arrays and rebuild
 * them around their results (as `jax.tree_util.register_pytree_node`). `auxData` is the static
 * part (compared with `equalAux`, by default `===`), the children are traversed.
 *
 * @example
 * ```ts
 * class Point { constructor(readonly x: ax.Array, readonly y: ax.Array) {} }
 * ax.registerPytree(Point, (p) => [[p.x, p.y], null], (_, [x, y]) => new Point(x as ax.Array, y as ax.Array));
 * ax.grad((p: Point) => p.x.mul(p.y).sum())(new Point(ax.ones([2]), ax.ones([2]))); // a Point
 * ```
 */
export function registerPytree<T extends object, A>(
  cls: abstract new (...args: never[]) => T,
  flatten: (node: T) => [children: unknown[], auxData: A],
  unflatten: (auxData: A, children: unknown[]) => T,
  equalAux: (a: A, b: A) => boolean = (a, b) => a === b,
): void {
  if (registry.has(cls)) {
    throw new AddaxError(`registerPytree: class ${cls.name} is already registered`);
  }
  registry.set(cls, { name: cls.name, flatten, unflatten, equalAux } as NodeType);
}

/** A `{...}` object (a pytree node, JS's keyword arguments), as opposed to arrays, class instances and tracers. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function nodeTypeOf(value: unknown): NodeType | null {
  if (globalThis.Array.isArray(value)) return LIST as NodeType;
  if (value === null || typeof value !== 'object') return null;
  if (isPlainObject(value)) return OBJECT as NodeType;
  const proto: unknown = Object.getPrototypeOf(value);
  for (
    let p = proto as object | null;
    p !== null && p !== Object.prototype;
    p = Object.getPrototypeOf(p) as object | null
  ) {
    const found = registry.get((p as { constructor: abstract new () => unknown }).constructor);
    if (found) return found;
  }
  return null;
}

/**
 * The shape of a pytree without its leaves: what `unflatten` needs to rebuild it, and what two
 * calls compare to decide whether they passed the same structure.
 */
export class TreeDef {
  private constructor(
    /** `leaf`, `none` (null or undefined, no leaves) or a container node. */
    readonly kind: 'leaf' | 'none' | NodeType,
    readonly aux: unknown,
    readonly children: readonly TreeDef[],
    readonly numLeaves: number,
  ) {}

  /** @internal */
  static leaf = new TreeDef('leaf', undefined, [], 1);

  /** @internal */
  static none(value: null | undefined): TreeDef {
    return new TreeDef('none', value, [], 0);
  }

  /** @internal */
  static node(type: NodeType, aux: unknown, children: TreeDef[]): TreeDef {
    return new TreeDef(
      type,
      aux,
      children,
      children.reduce((n, c) => n + c.numLeaves, 0),
    );
  }

  equals(other: TreeDef): boolean {
    if (this === other) return true;
    if (this.kind !== other.kind || this.children.length !== other.children.length) return false;
    if (this.kind === 'none') return this.aux === other.aux;
    if (this.kind !== 'leaf' && !this.kind.equalAux(this.aux, other.aux)) return false;
    return this.children.every((c, i) => c.equals(other.children[i]!));
  }

  /** e.g. `{a: *, b: [*, *]}`; a `*` per leaf. */
  toString(): string {
    if (this.kind === 'leaf') return '*';
    if (this.kind === 'none') return String(this.aux);
    const inner = this.children.map((c) => c.toString());
    if (this.kind === LIST) return `[${inner.join(', ')}]`;
    if (this.kind === OBJECT) {
      const keys = this.aux as readonly string[];
      return `{${keys.map((k, i) => `${k}: ${inner[i]}`).join(', ')}}`;
    }
    return `${this.kind.name}(${inner.join(', ')})`;
  }
}

/**
 * The leaves of `tree` in a fixed order (lists in order, object keys sorted, registered classes by
 * their flatten), and its structure. `null` and `undefined` are empty subtrees, as JAX's `None`.
 *
 * @example
 * ```ts
 * const [leaves, def] = ax.tree.flatten({ b: [1, 2], a: ax.ones([2]) }); // [ones, 1, 2]
 * ax.tree.unflatten(def, leaves.map(String)); // { a: '[1, 1]'..., b: ['1', '2'] }
 * ```
 */
export function flatten(tree: unknown): [unknown[], TreeDef] {
  const leaves: unknown[] = [];
  const walk = (value: unknown): TreeDef => {
    if (value === null || value === undefined) return TreeDef.none(value);
    const type = nodeTypeOf(value);
    if (!type) {
      leaves.push(value);
      return TreeDef.leaf;
    }
    const [children, aux] = type.flatten(value);
    return TreeDef.node(type, aux, children.map(walk));
  };
  const def = walk(tree);
  return [leaves, def];
}

/** Rebuilds a tree of structure `def` around `leaves` (the inverse of {@link flatten}). */
export function unflatten<T = unknown>(def: TreeDef, leaves: readonly unknown[]): T {
  if (leaves.length !== def.numLeaves) {
    throw new AddaxError(
      `tree.unflatten: structure ${def.toString()} has ${def.numLeaves} leaves, got ${leaves.length}`,
    );
  }
  let next = 0;
  const build = (d: TreeDef): unknown => {
    if (d.kind === 'leaf') return leaves[next++];
    if (d.kind === 'none') return d.aux;
    return d.kind.unflatten(d.aux, d.children.map(build));
  };
  return build(def) as T;
}

/** The leaves of `tree`, in {@link flatten}'s order. */
export function leaves(tree: unknown): unknown[] {
  return flatten(tree)[0];
}

/** The structure of `tree`. */
export function structure(tree: unknown): TreeDef {
  return flatten(tree)[1];
}

/**
 * Applies `fn` to every leaf of `tree`, and to the matching leaves of `rest` (which must have
 * `tree`'s structure), rebuilding the structure.
 *
 * @example
 * ```ts
 * ax.tree.map((a, b) => ax.add(a as ax.Array, b as ax.Array), params, grads);
 * ```
 */
export function map<T = unknown>(fn: (...leaves: unknown[]) => unknown, tree: T, ...rest: unknown[]): T {
  const [first, def] = flatten(tree);
  const others = rest.map((r, i) => {
    const [l, d] = flatten(r);
    if (!d.equals(def)) {
      throw new AddaxError(
        `tree.map: tree ${i + 1} has structure ${d.toString()}, expected ${def.toString()}`,
      );
    }
    return l;
  });
  return unflatten<T>(
    def,
    first.map((leaf, i) => fn(leaf, ...others.map((l) => l[i]))),
  );
}
