import type { Array } from '../array.js';
import { tidy } from '../eager.js';
import { AddaxError, ParameterError, ShapeError } from '../errors.js';
import { bind } from '../interpreters.js';
import { reshape, slice } from '../lax/shape.js';
import type { Primitive } from '../primitive.js';
import { arrayLeaves } from '../tree/flat-fn.js';
import { isPlainObject, type TreeDef } from '../tree/pytree.js';
import { HarvestContext, pathName, type HarvestOptions, type HarvestRule } from './context.js';
import { runHarvest } from './harvest-trace.js';
import { currentScope } from './scope.js';
import type { Reaped } from './reap.js';
import { sowP, type SowParams } from './sow.js';

const plantRules = new Map<object, HarvestRule>();

/** Gives `prim`, a primitive that holds programs, its rule under plant (Oryx's `plant_custom_rules`). */
export function definePlantRule<P>(prim: Primitive<P>, rule: HarvestRule<P>): void {
  plantRules.set(prim, rule);
}

/** Elements `[k, k + count)` of a planted stack, checking it has them. */
function elements(x: Array, k: number, count: number, name: string): Array {
  if (x.ndim === 0 || x.shape[0]! < k + count) {
    throw new ShapeError(
      `plant: the append-mode value '${name}' is sown at least ${k + count} times, but the planted ` +
        `${x.aval.describe()} stacks ${x.ndim === 0 ? 0 : x.shape[0]} values along its leading axis`,
    );
  }
  const rest = x.shape.slice(1);
  return slice(x, [k, ...rest.map(() => 0)], [k + count, ...rest]);
}

/** What a plant has used up: the strict names planted, the elements each append stack gave. */
interface PlantState {
  readonly planted: Set<string>;
  readonly taken: Map<string, number>;
}

/** Replaces sown values by planted ones (Oryx's `PlantContext`). */
export class PlantContext extends HarvestContext {
  constructor(
    options: HarvestOptions,
    readonly plants: Reaped,
    base?: readonly string[],
    private state: PlantState = { planted: new Set(), taken: new Map() },
  ) {
    super(options, base);
    if (!isPlainObject(plants)) {
      throw new ParameterError(`plant: plants must be an object from name to value, got ${String(plants)}`);
    }
  }

  /** A context that starts where this one is, for one branch of a choice. */
  fork(): PlantContext {
    const { planted, taken } = this.state;
    return new PlantContext(this.options, this.plants, this.base, {
      planted: new Set(planted),
      taken: new Map(taken),
    });
  }

  /** What this context has used up, to compare the branches of a choice: e.g. `y, ys×2`. */
  usage(): string {
    const { planted, taken } = this.state;
    const parts = [...[...planted].sort(), ...[...taken].sort().map(([name, n]) => `${name}×${n}`)];
    return parts.length > 0 ? parts.join(', ') : 'nothing';
  }

  /** Continues from where `branch`, a fork of this context, ended. */
  join(branch: PlantContext): void {
    this.state = branch.state;
  }

  override ruleFor<P>(prim: Primitive<P>): HarvestRule<P> | undefined {
    return plantRules.get(prim) as HarvestRule<P> | undefined;
  }

  /** The leaves planted under `path` (scopes, then name), if any, checked to be a `tree`. */
  plantedLeaves(path: readonly string[], tree: TreeDef): Array[] | undefined {
    let node: unknown = this.plants;
    for (const p of path) {
      if (!isPlainObject(node)) return undefined;
      node = node[p];
    }
    if (node === undefined) return undefined;
    const name = pathName(path);
    const [leaves, def] = arrayLeaves(node, `plant '${name}'`);
    if (!def.equals(tree)) {
      throw new ShapeError(
        `plant: the value planted for '${name}' is ${def.toString()}, the sown one ${tree.toString()}`,
      );
    }
    return leaves;
  }

  /** The next `count` elements of an append-mode stack planted under `path`, stacked. */
  take(path: readonly string[], leaves: readonly Array[], count: number): Array[] {
    const key = pathName(path);
    const k = this.state.taken.get(key) ?? 0;
    this.state.taken.set(key, k + count);
    return leaves.map((x) => elements(x, k, count, key));
  }

  protected override handleSow(
    values: readonly Array[],
    path: readonly string[],
    params: SowParams,
  ): Array[] {
    const leaves = this.plantedLeaves(path, params.tree);
    if (!leaves) return bind(sowP, values, params);
    const name = pathName(path);
    if (params.mode === 'strict') {
      if (this.state.planted.has(name)) throw new AddaxError(`Variable has already been planted: ${name}`);
      this.state.planted.add(name);
    }
    const outs =
      params.mode === 'append' ? this.take(path, leaves, 1).map((x) => reshape(x, x.shape.slice(1))) : leaves;
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

/** Runs `fn` under a plant of `plants` with `options` (scopes relative to `base`). */
export function plantWith<T>(
  options: HarvestOptions,
  plants: Reaped,
  base: readonly string[],
  fn: () => T,
): T {
  return runHarvest(new PlantContext(options, plants, base), fn);
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
  return (plants, ...args) => tidy(() => plantWith(options, plants, currentScope(), () => f(...args)));
}
