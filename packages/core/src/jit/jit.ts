import { Array } from '../array.js';
import { getBackend, withBackend } from '../backend.js';
import { EagerArray, tidy } from '../eager.js';
import { AddaxError } from '../errors.js';
import { transformationDepth } from '../interpreters.js';
import type { IR } from '../ir/ir.js';
import { traceToIR } from '../ir/make-ir.js';
import { arrayLeaves } from '../tree/flat-fn.js';
import { isPlainObject, unflatten, type TreeDef } from '../tree/pytree.js';
import { Executable } from './executable.js';

/** Options of {@link jit}. */
export interface JitOptions {
  /** Positional arguments that are not traced: part of the cache key, passed to `f` as they are. */
  readonly staticArgnums?: number | readonly number[];
  /**
   * Keys of object arguments (JS's keyword arguments: `f(x, { training: true })`) that are static
   * in the same way; the object's other entries are traced.
   */
  readonly staticArgnames?: string | readonly string[];
}

/** A jit-compiled function: call it like `f`; it also reports and clears its cache. */
export interface Jitted<A extends unknown[], R> {
  (...args: A): R;
  /** The staged program for these arguments (tracing it if not cached). */
  lower(...args: A): IR;
  /** How many programs are cached (one per distinct shapes, dtypes and static values). */
  readonly cacheSize: number;
  /** Drops the cached programs and frees the constants their tracing made. */
  clearCache(): void;
}

interface Entry {
  /** The arguments' structure: compared with `equals`, since its string leaves out static data (a class's aux). */
  readonly def: TreeDef;
  readonly executable: Executable;
  readonly outDef: TreeDef;
  readonly owned: readonly EagerArray[];
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** A cache key for a static value: by value for plain data, by identity for functions and objects. */
function staticKey(value: unknown, where: string): string {
  if (value instanceof Array) {
    throw new AddaxError(
      `${where}: a static argument cannot be an array (arrays are traced; mark it non-static)`,
    );
  }
  if (value === null || value === undefined || typeof value !== 'object') {
    if (typeof value === 'function') return `fn#${idOf(value)}`;
    return `${typeof value}:${String(value)}`;
  }
  if (globalThis.Array.isArray(value)) return `[${value.map((v) => staticKey(v, where)).join(',')}]`;
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${k}=${staticKey(value[k], where)}`);
    return `{${entries.join(',')}}`;
  }
  return `obj#${idOf(value)}`;
}

function idOf(value: object): number {
  const known = identities.get(value);
  if (known !== undefined) return known;
  const id = nextIdentity++;
  identities.set(value, id);
  return id;
}

function asList(x: number | string | readonly (number | string)[] | undefined): (number | string)[] {
  return x === undefined ? [] : typeof x === 'object' ? [...x] : [x];
}

/**
 * Splits the arguments into the traced part (with static positions and names replaced by `null`)
 * and the static part, which goes into the cache key.
 */
function splitStatic(
  args: readonly unknown[],
  argnums: ReadonlySet<number>,
  argnames: ReadonlySet<string>,
): { traced: unknown[]; statics: unknown[] } {
  const statics: unknown[] = [];
  const traced = args.map((a, i) => {
    if (argnums.has(i)) {
      statics.push(a);
      return null;
    }
    if (argnames.size === 0 || !isPlainObject(a)) return a;
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a as Record<string, unknown>)) {
      if (argnames.has(k)) statics.push([i, k, v]);
      else rest[k] = v;
    }
    return rest;
  });
  return { traced, statics };
}

/** Puts the static parts back where {@link splitStatic} took them from. */
function mergeStatic(
  traced: readonly unknown[],
  original: readonly unknown[],
  argnums: ReadonlySet<number>,
  argnames: ReadonlySet<string>,
): unknown[] {
  return traced.map((t, i) => {
    if (argnums.has(i)) return original[i];
    if (argnames.size === 0 || !isPlainObject(t)) return t;
    const o = original[i] as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...t };
    for (const k of Object.keys(o)) if (argnames.has(k)) merged[k] = o[k];
    return merged;
  });
}

/**
 * Compiles `f` (`jax.jit`): the first call with given shapes, dtypes and static values traces `f`
 * into a program and caches it; later calls replay the program, with runs of fusable primitives
 * compiled by the backend into one kernel and each intermediate freed after its last use. Side
 * effects in `f` (console.log) happen while tracing only. Under another transformation (grad, vmap,
 * an enclosing jit) `f` is traced by that transformation directly, which stages or differentiates
 * it whole.
 *
 * @example
 * ```ts
 * const step = ax.jit((w: ax.Array, x: ax.Array) => w.sub(ax.grad(loss)(w, x).mul(0.1)));
 * const w1 = step(w0, x); // traces and runs
 * const w2 = step(w1, x); // replays the cached program
 * ```
 */
export function jit<A extends unknown[], R>(f: (...args: A) => R, options: JitOptions = {}): Jitted<A, R> {
  const argnums = new Set(asList(options.staticArgnums) as number[]);
  const argnames = new Set(asList(options.staticArgnames) as string[]);
  // Entries by signature string; those sharing one are told apart by their structure's `equals`.
  const cache = new Map<string, Entry[]>();

  const entryFor = (args: readonly unknown[]): { entry: Entry; leaves: Array[] } => {
    const { traced, statics } = splitStatic(args, argnums, argnames);
    const [leaves, def] = arrayLeaves(traced, 'jit');
    const avals = leaves.map((l) => l.aval.toString());
    // Constants made while tracing go where the inputs live, as JS scalars do in eager operations.
    const backend = leaves.find((l) => l instanceof EagerArray)?.backend ?? getBackend();
    const key = `${backend.name}|${def.toString()}|${avals.join(',')}|${staticKey(statics, 'jit')}`;
    const entries = cache.get(key) ?? [];
    let entry = entries.find((e) => e.def.equals(def));
    if (!entry) {
      const withStatics = (...tracedArgs: unknown[]): R =>
        f(...(mergeStatic(tracedArgs, args, argnums, argnames) as A));
      const { ir, outDef, owned } = withBackend(backend, () =>
        traceToIR(withStatics as (...a: never[]) => unknown, traced, 'jit', 'caller', true),
      );
      entry = { def, executable: new Executable(ir), outDef, owned };
      cache.set(key, [...entries, entry]);
    }
    return { entry, leaves };
  };

  const jitted = (...args: A): R => {
    // A live tracer implies a transformation on the stack; an escaped one is reported by staging.
    if (transformationDepth() > 0) return f(...args);
    return tidy(() => {
      const { entry, leaves } = entryFor(args);
      return unflatten<R>(entry.outDef, entry.executable.run(leaves));
    });
  };
  return Object.defineProperties(jitted, {
    lower: { value: (...args: A) => tidy(() => entryFor(args).entry.executable.ir) },
    cacheSize: { get: () => [...cache.values()].reduce((n, entries) => n + entries.length, 0) },
    clearCache: {
      value: () => {
        for (const entries of cache.values()) for (const x of entries.flatMap((e) => e.owned)) x.dispose();
        cache.clear();
      },
    },
  }) as Jitted<A, R>;
}
