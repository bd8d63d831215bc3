import * as ax from '@addax/core';
import { layerFactory } from '../base/factory.js';
import type { LayerKwargs } from '../base/kwargs.js';
import { Layer } from '../base/layer.js';
import { layerParams, type Empty, type LayerParams } from '../base/layer-params.js';
import { arrayInput, checkFloatInput } from './input.js';

/** The static configuration of a {@link DropoutLayer}. */
export interface DropoutInfo {
  /** The probability that an element is dropped (set to 0). */
  readonly rate: number;
}

function checkRate(rate: number): void {
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
    throw new ax.ParameterError(
      `Dropout: rate is the probability of dropping an element and must be in [0, 1), got ${String(rate)} ` +
        "(Oryx's and stax's rate is the probability of keeping one: Oryx's Dropout(0.8) is Dropout(0.2) here)",
    );
  }
}

/**
 * Dropout: in training each element is dropped (set to 0) with probability `rate` and the kept
 * ones are scaled by `1 / (1 - rate)`, so the expected output is the input; otherwise the layer
 * is the identity. The mask is drawn from the call's `rng`, so the same key gives the same mask,
 * and the gradient with respect to `x` is the mask times that scale.
 *
 * Differences from Oryx: `rate` is the drop probability (Flax, Keras and PyTorch), where Oryx and
 * stax take the keep probability; as Oryx, `training` defaults to true. Under `vmap` the layer
 * runs per example, so one unmapped `rng` gives every example the same mask: map a batch of keys
 * (`ax.random.split(rng, batchSize)` with `inAxes: 0`) for independent masks.
 *
 * @example
 * ```ts
 * const layer = nn.Dropout(0.5).init(ax.random.key(0), ax.zeros([8]));
 * const keys = ax.random.split(ax.random.key(1), 32);
 * ax.vmap((x: ax.Array, rng: ax.Array) => layer.call(x, { rng }))(ax.ones([32, 8]), keys); // a mask per example
 * ```
 */
export class DropoutLayer extends Layer<Empty, Empty, DropoutInfo> {
  static override readonly callKwargs = ['training', 'rng'] as const;

  static initialize(
    _initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    rate: number,
  ): LayerParams<Empty, Empty, DropoutInfo> {
    DropoutLayer.spec(inSpec, rate);
    return layerParams({ info: { rate } });
  }

  static spec(inSpec: ax.ShapeDtype, rate: number): ax.ShapeDtype {
    checkRate(rate);
    checkFloatInput(inSpec, 'Dropout');
    return inSpec;
  }

  protected override _call(input: unknown, { training = true, rng }: LayerKwargs): ax.Array {
    const x = arrayInput(input, 'Dropout');
    if (!training) return x;
    if (rng === undefined) {
      throw new ax.ParameterError(
        'Dropout: rng is required when training (the default); pass { rng: key } to the call, ' +
          'or { training: false } to disable dropout',
      );
    }
    checkFloatInput(x.aval, 'Dropout');
    const { rate } = this.info;
    if (rate === 0) return x;
    const keep = ax.random.bernoulli(rng, 1 - rate, x.shape);
    return ax.where(keep, x.mul(1 / (1 - rate)), 0);
  }

  override toString(): string {
    return `Dropout(${this.info.rate})`;
  }
}

/**
 * A {@link DropoutLayer} template: `Dropout(rate)`, `rate` the probability of dropping an element.
 *
 * @example
 * ```ts
 * const dropout = nn.Dropout(0.2).init(ax.random.key(0), ax.zeros([4]));
 * dropout.call(ax.ones([4]), { rng: ax.random.key(1) }); // each element 0 or 1.25
 * dropout.call(ax.ones([4]), { training: false }); // [1, 1, 1, 1]
 * ```
 */
export const Dropout = layerFactory(DropoutLayer);
