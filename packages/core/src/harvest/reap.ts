import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { adoptConst, collectArrays, scopeDepth, tidy, type EagerArray } from '../eager.js';
import { AddaxError, ShapeError } from '../errors.js';
import { concatenate, reshape } from '../lax/shape.js';
import type { Primitive } from '../primitive.js';
import { unflatten, type TreeDef } from '../tree/pytree.js';
import {
  atPaths,
  HarvestContext,
  pathKey,
  pathName,
  type HarvestOptions,
  type HarvestRule,
} from './context.js';
import { runHarvest } from './harvest-trace.js';
import { currentScope } from './scope.js';
import type { SowMode, SowParams } from './sow.js';

/** The reaped values: name to value, with an object per {@link nest} scope. */
export type Reaped = Record<string, unknown>;

/** Some sown leaves, either one value's or (`stacked`) many along a leading axis. */
interface Chunk {
  readonly leaves: readonly Array[];
  readonly stacked: boolean;
}

/** The values of one name a harvest reaped: append-mode ones stacked along a leading axis. */
export interface Sown {
  readonly path: readonly string[];
  readonly mode: SowMode;
  readonly tree: TreeDef;
  readonly leaves: readonly Array[];
}

/** Everything reaped under one name so far. */
interface Entry {
  readonly path: readonly string[];
  readonly mode: SowMode;
  readonly tree: TreeDef;
  /** The avals of one sown value's leaves (one stack element's, for a stacked chunk). */
  readonly avals: readonly ShapeDtype[];
  readonly chunks: Chunk[];
}

const reapRules = new Map<object, HarvestRule>();

/** Gives `prim`, a primitive that holds programs, its rule under reap (Oryx's `reap_custom_rules`). */
export function defineReapRule<P>(prim: Primitive<P>, rule: HarvestRule<P>): void {
  reapRules.set(prim, rule);
}

const sameAvals = (a: readonly ShapeDtype[], b: readonly ShapeDtype[]): boolean =>
  a.length === b.length && a.every((x, i) => x.equals(b[i]!));

const describe = (avals: readonly ShapeDtype[]): string => `(${avals.map((a) => a.describe()).join(', ')})`;

/** Collects the sows of one tag (Oryx's `ReapContext`). */
export class ReapContext extends HarvestContext {
  private readonly entries = new Map<string, Entry>();
  /** The tidy scopes open when the reap began; scopes opened since do not own what it reaps. */
  private readonly depth = scopeDepth();

  override ruleFor<P>(prim: Primitive<P>): HarvestRule<P> | undefined {
    return reapRules.get(prim) as HarvestRule<P> | undefined;
  }

  protected override handleSow(
    values: readonly Array[],
    path: readonly string[],
    params: SowParams,
  ): Array[] {
    this.record(path, params.mode, params.tree, { leaves: values, stacked: false });
    return [...values];
  }

  /** Adds sown leaves under `path`, by the rules of `mode`. */
  record(path: readonly string[], mode: SowMode, tree: TreeDef, chunk: Chunk): void {
    // A tidy inside the harvested function (or a transformation's, as vmap's) would free a reaped
    // value it did not return; the reap's own scope owns it instead.
    const held = new Set<EagerArray>();
    collectArrays(chunk.leaves, held);
    for (const x of held) adoptConst(x, this.depth, 'enclosing');
    const elementAvals = chunk.leaves.map((x) =>
      chunk.stacked ? new ShapeDtype(x.shape.slice(1), x.dtype) : x.aval,
    );
    const key = pathKey(path);
    const prev = this.entries.get(key);
    if (!prev) {
      this.checkNoClash(path);
      this.entries.set(key, { path, mode, tree, avals: elementAvals, chunks: [chunk] });
      return;
    }
    const name = pathName(path);
    if (prev.mode !== mode) {
      throw new AddaxError(
        `Variable has already been reaped: ${name} (sown in mode '${prev.mode}', then '${mode}')`,
      );
    }
    if (mode === 'strict') throw new AddaxError(`Variable has already been reaped: ${name}`);
    if (mode === 'clobber') {
      this.entries.set(key, { path, mode, tree, avals: elementAvals, chunks: [chunk] });
      return;
    }
    if (!prev.tree.equals(tree) || !sameAvals(prev.avals, elementAvals)) {
      throw new ShapeError(
        `reap: the append-mode sows of '${name}' must agree in structure, shape and dtype, got ` +
          `${prev.tree.toString()} ${describe(prev.avals)} then ${tree.toString()} ${describe(elementAvals)}`,
      );
    }
    prev.chunks.push(chunk);
  }

  /** A name cannot also be a scope: `a` and `a/x` would both be the reaped object's `a`. */
  private checkNoClash(path: readonly string[]): void {
    for (const other of this.entries.values()) {
      const n = Math.min(other.path.length, path.length);
      if (other.path.slice(0, n).every((p, i) => p === path[i])) {
        throw new AddaxError(`Variable has already been reaped: ${pathName(path.slice(0, n))}`);
      }
    }
  }

  /** What was reaped, name by name in the order first sown. Call it after the harvest level ended. */
  collected(): Sown[] {
    return [...this.entries.values()].map((entry) => {
      if (entry.chunks.some((c) => c.leaves.some((x) => x.isDisposed))) {
        throw new AddaxError(
          `reap: the value sown as '${pathName(entry.path)}' was disposed before the reap returned; evalIR ` +
            "frees a program's intermediates, sown ones too, so reap the function (or its jit) rather than its IR",
        );
      }
      return { path: entry.path, mode: entry.mode, tree: entry.tree, leaves: leavesOf(entry) };
    });
  }
}

function leavesOf(entry: Entry): readonly Array[] {
  if (entry.mode !== 'append') return entry.chunks[0]!.leaves;
  return entry.avals.map((_, j) => {
    const parts = entry.chunks.map(({ leaves, stacked }) => {
      const x = leaves[j]!;
      return stacked ? x : reshape(x, [1, ...x.shape]);
    });
    return parts.length === 1 ? parts[0]! : concatenate(parts, 0);
  });
}

/** Runs `fn` under a reap of `options` (scopes relative to `base`), returning its result and what it reaped. */
export function reapSown<T>(options: HarvestOptions, base: readonly string[], fn: () => T): [T, Sown[]] {
  const context = new ReapContext(options, base);
  const out = runHarvest(context, fn);
  return [out, context.collected()];
}

/**
 * Transforms `f` to also return the values sown in it with `tag` (Oryx's `call_and_reap`): an
 * object from name to value, nested per {@link nest} scope. Sows in `strict` mode (the default)
 * must be unique; `clobber` keeps the last value; `append` stacks all of them along a new leading
 * axis (one per iteration inside `scan`). Composes with grad, vmap and jit in either order:
 * `vmap(reap(f))` reaps batched values, and so does `reap(vmap(f))` (batched along axis 0).
 *
 * @example
 * ```ts
 * const f = (x: ax.Array) => {
 *   const h = ax.sow(ax.tanh(x), { tag: 'intermediates', name: 'h' });
 *   return ax.sow(h.mul(2), { tag: 'intermediates', name: 'hs', mode: 'append' }).sum();
 * };
 * const [y, { h, hs }] = ax.reap(f, { tag: 'intermediates' })(ax.ones([3])); // hs has shape [1, 3]
 * ```
 */
export function reap<A extends unknown[], R>(
  f: (...args: A) => R,
  options: HarvestOptions,
): (...args: A) => [R, Reaped] {
  return (...args) =>
    tidy(() => {
      const [out, sown] = reapSown(options, currentScope(), () => f(...args));
      return [out, atPaths(sown.map((x) => [x.path, unflatten(x.tree, x.leaves)] as const))];
    });
}
