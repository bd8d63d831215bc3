import type { Array } from '../array.js';
import { tidy } from '../eager.js';
import { AddaxError, ParameterError, ShapeError } from '../errors.js';
import { bind } from '../interpreters.js';
import { reshape, slice } from '../lax/shape.js';
import type { Primitive } from '../primitive.js';
import { arrayLeaves } from '../tree/flat-fn.js';
import { HarvestContext, pathName, type HarvestOptions, type HarvestRule } from './context.js';
import { runHarvest } from './harvest-trace.js';
import type { Reaped } from './reap.js';
import { sowP, type SowParams } from './sow.js';

const plantRules = new Map<object, HarvestRule>();

/** Gives `prim`, a primitive that holds programs, its rule under plant (Oryx's `plant_custom_rules`). */
export function definePlantRule<P>(prim: Primitive<P>, rule: HarvestRule<P>): void {
  plantRules.set(prim, rule);
}

function isObject(x: unknown): x is Reaped {
  return x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype;
}

/** Element `k` of a planted stack. */
function elementOf(x: Array, k: number, name: string): Array {
  if (x.ndim === 0 || x.shape[0]! <= k) {
    throw new ShapeError(
      `plant: the append-mode value '${name}' is sown at least ${k + 1} times, but the planted ` +
        `${x.aval.describe()} stacks ${x.ndim === 0 ? 0 : x.shape[0]} values along its leading axis`,
    );
  }
  const rest = x.shape.slice(1);
  return reshape(slice(x, [k, ...rest.map(() => 0)], [k + 1, ...rest]), rest);
}

/** Replaces sown values by planted ones (Oryx's `PlantContext`). */
export class PlantContext extends HarvestContext {
  private readonly planted = new Set<string>();
  /** How many elements of each append-mode stack the sows have taken. */
  private readonly taken = new Map<string, number>();

  constructor(
    options: HarvestOptions,
    readonly plants: Reaped,
  ) {
    super(options);
    if (!isObject(plants)) {
      throw new ParameterError(`plant: plants must be an object from name to value, got ${String(plants)}`);
    }
  }

  override ruleFor<P>(prim: Primitive<P>): HarvestRule<P> | undefined {
    return plantRules.get(prim) as HarvestRule<P> | undefined;
  }

  /** The value planted under `path` (scopes, then name), if any. */
  lookup(path: readonly string[]): unknown {
    let node: unknown = this.plants;
    for (const p of path) {
      if (!isObject(node)) return undefined;
      node = node[p];
    }
    return node;
  }

  /** Takes the next element of an append-mode stack; `count` elements at once, stacked, if given. */
  take(path: readonly string[], leaves: readonly Array[], count?: number): Array[] {
    const key = pathName(path);
    const k = this.taken.get(key) ?? 0;
    this.taken.set(key, k + (count ?? 1));
    if (count === undefined) return leaves.map((x) => elementOf(x, k, key));
    return leaves.map((x) => {
      elementOf(x, k + count - 1, key);
      const rest = x.shape.slice(1);
      return slice(x, [k, ...rest.map(() => 0)], [k + count, ...rest]);
    });
  }

  protected override handleSow(
    values: readonly Array[],
    path: readonly string[],
    params: SowParams,
  ): Array[] {
    const value = this.lookup(path);
    if (value === undefined) return bind(sowP, values, params);
    const name = pathName(path);
    const [leaves, tree] = arrayLeaves(value, `plant '${name}'`);
    if (!tree.equals(params.tree)) {
      throw new ShapeError(
        `plant: the value planted for '${name}' is ${tree.toString()}, the sown one ${params.tree.toString()}`,
      );
    }
    if (params.mode === 'strict') {
      if (this.planted.has(name)) throw new AddaxError(`Variable has already been planted: ${name}`);
      this.planted.add(name);
    }
    const outs = params.mode === 'append' ? this.take(path, leaves) : leaves;
    outs.forEach((x, i) => {
      const sown = values[i]!.aval;
      if (!x.aval.equals(sown)) {
        throw new ShapeError(
          `plant: the value planted for '${name}' is ${x.aval.describe()}, the sown one ${sown.describe()}`,
        );
      }
    });
    return outs;
  }
}

/** Runs `fn` under a plant of `plants` with `options`. */
export function plantWith<T>(options: HarvestOptions, plants: Reaped, fn: () => T): T {
  return runHarvest(new PlantContext(options, plants), fn);
}

/**
 * Transforms `f` to take, first, an object of values to use in place of those sown in it with
 * `tag` (Oryx's `plant`): a sown name found in `plants` (nested per {@link nest} scope) returns the
 * planted value; other sows are left as they are. A `clobber` name is planted at every sow, an
 * `append` name takes the next element of its planted stack at each sow. Differentiate through a
 * planted value by putting `plant` inside the differentiated function.
 *
 * @example
 * ```ts
 * const f = (x: ax.Array) => ax.sow(x.mul(2), { tag: 'noise', name: 'eps' }).add(1);
 * ax.plant(f, { tag: 'noise' })({ eps: ax.zeros([2]) }, ax.ones([2])); // [1, 1]
 * ax.grad((e: ax.Array) => ax.plant(f, { tag: 'noise' })({ eps: e }, ax.ones([2])).sum())(ax.zeros([2])); // [1, 1]
 * ```
 */
export function plant<A extends unknown[], R>(
  f: (...args: A) => R,
  options: HarvestOptions,
): (plants: Reaped, ...args: A) => R {
  return (plants, ...args) => tidy(() => plantWith(options, plants, () => f(...args)));
}
