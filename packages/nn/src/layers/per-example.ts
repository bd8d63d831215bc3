import * as ax from '@addax/core';
import { Layer } from '../base/layer.js';
import { arrayInput } from './input.js';

/**
 * Checks that `x` has `rank` axes: one example, or with `batched` a batch of them on axis 0. Layers
 * see one example (Oryx's convention) and `vmap` runs a batch, so a batch given directly is an
 * error that says so.
 */
export function checkExampleRank(where: string, x: ax.ShapeDtype, rank: number, batched = false): void {
  const expected = batched ? rank + 1 : rank;
  if (x.ndim === expected) return;
  const what = batched ? `a batch of examples of ${rank} axes` : `one example of ${rank} axes`;
  const hint = !batched && x.ndim === rank + 1 ? '; to run a batch, vmap the layer over it' : '';
  throw new ax.ShapeError(
    `${where}: the input ${x.describe()} has ${x.ndim} axes; the layer takes ${what}${hint}`,
  );
}

/** `x` as an array of one example of `rank` axes (`batched`: a batch of them), see {@link checkExampleRank}. */
export function exampleInput(where: string, x: unknown, rank: number, batched = false): ax.Array {
  const a = arrayInput(x, where);
  checkExampleRank(where, a.aval, rank, batched);
  return a;
}

/** The public name of a layer class: `Conv` for `ConvLayer`. */
export function layerName(cls: { readonly name: string }): string {
  return cls.name.replace(/Layer$/, '');
}

/**
 * A layer whose computation is written for a batch (axis 0) but that, as Oryx's convolutions and
 * poolings, is called on one example: `_call` runs it on a batch of one, and under `vmap` (with
 * unbatched parameters) the whole batch runs in one call.
 *
 * @example
 * ```ts
 * class FlipRows extends PerExampleLayer<nn.Empty, nn.Empty, nn.Empty> {
 *   static initialize() { return nn.layerParams(); }
 *   static spec(inSpec: ax.ShapeDtype) { return inSpec; }
 *   protected get exampleRank() { return 2; }
 *   protected _callBatched(x: ax.Array) { return ax.flip(x, 1); }
 * }
 * const flip = new nn.Template(FlipRows, []).init(ax.random.key(0), ax.zeros([3, 2]));
 * flip.call(ax.zeros([3, 2])); // one example; vmap runs a batch in one _callBatched
 * ```
 */
export abstract class PerExampleLayer<P, S, I> extends Layer<P, S, I> {
  /** How many axes one example has. */
  protected abstract get exampleRank(): number;

  /** The computation on a batch `[batch, ...example]`. */
  protected abstract _callBatched(x: ax.Array): ax.Array;

  /** The layer's public name, for errors. */
  protected get where(): string {
    return layerName(this.constructor);
  }

  protected override _call(x: unknown): ax.Array {
    const example = exampleInput(this.where, x, this.exampleRank);
    return ax.squeeze(this._callBatched(ax.expandDims(example, 0)), 0);
  }

  override _callAndUpdateBatched(x: unknown): [ax.Array, this] {
    return [this._callBatched(exampleInput(this.where, x, this.exampleRank, true)), this];
  }
}
