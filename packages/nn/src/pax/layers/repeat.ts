import * as ax from '@addax/core';
import { BaseLayer, type AnyBaseLayer } from '../base-layer.js';
import { AUX_LOSS, NON_TRAINABLE, PARAMS, SUMMARIES } from '../collections.js';
import type { LayerConfig } from '../config.js';
import { currentScope, dictAt, inScope, isMutable, type Scope } from '../scope.js';
import { positiveInt } from './checks.js';

/** The hyperparameters of {@link Repeat}. */
export interface RepeatHParams {
  /** The repeated layer's template: its call must return what it takes (the carry). */
  readonly subTpl: LayerConfig;
  /** How many times it is applied. */
  readonly xTimes: number;
}

/** The collections the sub-layer reads its slice of. */
const SLICED = [PARAMS, NON_TRAINABLE] as const;
/** The collections the sub-layer may write, returned stacked (or, the aux losses, summed) from the loop. */
const WRITTEN = [NON_TRAINABLE, SUMMARIES, AUX_LOSS] as const;

type Tree = Record<string, unknown>;

/**
 * A layer applied `xTimes` in a row, each time with its own variables (Praxis's `Repeat`): one
 * child `sub` made from `subTpl`, whose variables are stacked along a leading `[xTimes]` axis
 * (`params.sub.w` is `[xTimes, ...]`, each slice drawn with its own key), and a call that scans
 * over the slices (`ax.scan`, so the loop is staged once under `jit`), feeding each output to the
 * next application: `call(x, ...rest)` is `sub_{n-1}(...sub_1(sub_0(x, ...rest), ...rest)...)`,
 * where `rest` reaches every application unchanged.
 *
 * Inside the loop the sub-layer sees one slice; its `nextPrngKey` differs between iterations
 * (each stream is folded with the iteration). With `non_trainable` mutable, its `updateVar`s come
 * back stacked; summaries it adds come back stacked along `[xTimes]` (Praxis without
 * `unpack_summaries`) and aux losses summed over the iterations. Summaries must be arrays.
 *
 * @example
 * ```ts
 * const block = nn.pax.FeedForward.config({ inputDims: 8, outputDims: 8 });
 * const deep = nn.pax.Repeat.config({ subTpl: block, xTimes: 4 }).instantiate();
 * const vars = deep.init(ax.random.key(0), ax.ones([2, 8])); // params.sub.linear.w: f32[4, 8, 8]
 * deep.apply(vars, ax.ones([2, 8])); // f32[2, 8]
 * ```
 */
export class Repeat extends BaseLayer<RepeatHParams> {
  declare private sub: AnyBaseLayer;

  protected override setup(): void {
    positiveInt(this, 'xTimes', this.hp.xTimes);
    this.sub = this.createChild('sub', this.hp.subTpl);
  }

  protected override stackedChildAxes(): readonly number[] {
    return [this.hp.xTimes];
  }

  // One named parameter, so that `apply(vars, x, options)` tells the options from the input.
  call(inputs: unknown, ...rest: unknown[]): unknown {
    const scope = currentScope()!;
    const path = this.sub.path; // also checks that a call is in progress
    const name = path.at(-1)!;
    // The dict holding the sub-layer's in `collection` (this layer's own), made when `create`.
    const at = (collection: string, create = true): Tree | undefined =>
      dictAt(scope.variables, collection, path.slice(0, -1), create);
    const stacked: Tree = {};
    for (const c of SLICED) {
      const tree = at(c, false)?.[name];
      if (ax.tree.isPlainObject(tree)) stacked[c] = tree;
    }
    const forget = (c: string): void => void delete at(c, false)?.[name];
    const written = WRITTEN.filter(
      (c) => isMutable(scope, c) && !(c === NON_TRAINABLE && scope.initializing),
    );
    const subCall = this.sub.call as (...args: unknown[]) => unknown;

    const body = (carry: unknown, [i, slice]: [ax.Array, Tree]): [unknown, Tree] => {
      for (const c of SLICED) if (c in slice) at(c)![name] = ax.tree.map((leaf) => leaf, slice[c] as Tree);
      [SUMMARIES, AUX_LOSS].forEach(forget);
      const out = inScope(iterationScope(scope, i), () => subCall.call(this.sub, carry, ...rest));
      const ys: Tree = {};
      for (const c of written) {
        const tree = at(c, false)?.[name];
        if (tree !== undefined) ys[c] = tree;
      }
      return [out, ys];
    };
    let result: unknown;
    let ys: Tree;
    try {
      [result, ys] = ax.scan(body, inputs, [ax.arange(0, this.hp.xTimes, 1, 'int32'), stacked]);
    } finally {
      // No tracer from the loop's body may stay in the variables.
      for (const c of SLICED) if (c in stacked) at(c)![name] = stacked[c];
      [SUMMARIES, AUX_LOSS].forEach(forget);
    }
    for (const c of written) {
      if (ys[c] === undefined) continue;
      at(c)![name] = c === AUX_LOSS ? ax.tree.map((v) => ax.sum(v as ax.Array, 0), ys[c]) : ys[c];
    }
    return result;
  }
}

/** The scope of one iteration: the same variables, every random stream folded with `i`. */
function iterationScope(scope: Scope, i: ax.Array): Scope {
  const rngs = Object.fromEntries(
    Object.entries(scope.rngs).map(([k, key]) => [k, ax.random.foldIn(key, i)]),
  );
  return { ...scope, rngs, draws: new Map() };
}
