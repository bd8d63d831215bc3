import type { Array } from '../array.js';
import { ones } from '../creation.js';
import { ParameterError } from '../errors.js';
import { split as splitKey, unstackKeys } from '../random/split.js';
import { map, registerPytree } from '../tree/pytree.js';
import { callAndUpdateWith, defineStateful, initWith, rulesOf, specOf, specWith } from './api.js';
import type { Kwargs } from './kwargs.js';

/**
 * A fan-out (Oryx's tuple): `init` initialises every element on the same arguments, each with its
 * own split key (named `NAME_i` when the tuple is named), and a call runs every element on the same
 * arguments and returns their outputs as a list. JavaScript has one kind of array, so the fan-out is
 * this class and a plain array is a composition (Oryx's list).
 *
 * @example
 * ```ts
 * const heads = ax.state.tuple((x: ax.Array) => x.add(1), (x: ax.Array) => x.mul(2));
 * const m = ax.state.init(heads)(ax.random.key(0), ax.ones([2]));
 * ax.state.call(m, ax.ones([2])); // [[2, 2], [2, 2]]
 * ```
 */
export class Tuple<T = unknown> {
  readonly items: readonly T[];

  constructor(items: readonly T[]) {
    this.items = [...items];
  }

  get length(): number {
    return this.items.length;
  }
}

/** A {@link Tuple} of `items`. */
export function tuple<T>(...items: T[]): Tuple<T> {
  return new Tuple(items);
}

registerPytree(
  Tuple,
  (t) => [[...t.items], t.items.length],
  (_, children) => new Tuple(children),
);

function keysFor(initKey: Array, n: number): Array[] {
  const keys = splitKey(initKey, n);
  const each = unstackKeys(keys);
  keys.dispose();
  return each;
}

/** Arrays of ones standing in for `values` (specs or arrays), as Oryx initialises a list's elements. */
function placeholders(values: readonly unknown[]): unknown[] {
  return map(
    (x) => {
      const s = specOf(x, 'init');
      return ones(s.shape, s.dtype);
    },
    [...values],
  );
}

/** A spec as the argument list of the next element: a list of specs spreads, one spec is one argument. */
function asArgs(out: unknown): unknown[] {
  return globalThis.Array.isArray(out) ? out : [out];
}

/** Oryx's `NAME_i` for element `i` of a named container. */
function elementName(name: string | undefined, i: number): string | undefined {
  return name === undefined ? undefined : `${name}_${i}`;
}

function firstOf(items: readonly unknown[], what: string): unknown {
  if (items.length === 0) throw new ParameterError(`Cannot ${what} an empty tuple`);
  return items[0];
}

defineStateful(Tuple, {
  // An empty tuple takes what it is given, so that init, spec and call each report it as theirs.
  arity: (t, values) =>
    t.length === 0 ? values.length : rulesOf(t.items[0], 'tuple').arity(t.items[0], values),
  init: (t, name, initKey, args, kwargs) => {
    firstOf(t.items, 'init');
    const keys = keysFor(initKey, t.length);
    return new Tuple(t.items.map((item, i) => initWith(item, elementName(name, i), keys[i]!, args, kwargs)));
  },
  spec: (t, args, kwargs) => {
    firstOf(t.items, 'spec');
    return t.items.map((item) => specWith(item, args, kwargs));
  },
  callAndUpdate: (t, args, kwargs) => {
    firstOf(t.items, 'call');
    const results = t.items.map((item) => callAndUpdateWith(item, args, kwargs));
    return [results.map(([out]) => out), new Tuple(results.map(([, updated]) => updated))];
  },
});

function specsThrough(items: readonly unknown[], args: readonly unknown[], kwargs: Kwargs): unknown {
  let values: unknown = args;
  for (const item of items) values = specWith(item, asArgs(values), kwargs);
  return values;
}

defineStateful(globalThis.Array as unknown as abstract new () => unknown[], {
  arity: (list, values) =>
    list.length === 0 ? values.length : rulesOf(list[0], 'list').arity(list[0], values),
  init: (list, name, initKey, args, kwargs) => {
    const keys = keysFor(initKey, list.length);
    let values = placeholders(args);
    return list.map((item, i) => {
      const module = initWith(item, elementName(name, i), keys[i]!, values, kwargs);
      values = placeholders(asArgs(specWith(item, values, kwargs)));
      return module;
    });
  },
  spec: (list, args, kwargs) => specsThrough(list, args, kwargs),
  callAndUpdate: (list, args, kwargs) => {
    let values: unknown[] = [...args];
    let out: unknown = args;
    const updated = list.map((item) => {
      const [y, next] = callAndUpdateWith(item, values, kwargs);
      out = y;
      values = asArgs(y);
      return next;
    });
    return [out, updated];
  },
});
