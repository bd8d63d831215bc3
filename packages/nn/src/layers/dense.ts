import * as ax from '@addax/core';
import { layerFactory } from '../base/factory.js';
import { Layer } from '../base/layer.js';
import { layerParams, type Empty, type LayerParams } from '../base/layer-params.js';
import { glorotNormal, zeros, type Initializer } from '../initializers/index.js';
import { arrayInput, checkFloatInput } from './input.js';

/** Options of {@link Dense}. */
export interface DenseOptions {
  /** Draws the kernel `[dimIn, dimOut]`; default `glorotNormal()`, as Oryx. */
  readonly kernelInit?: Initializer;
  /** Draws the bias `[dimOut]`; default zeros, as Oryx (stax's own `Dense` draws `normal()`). */
  readonly biasInit?: Initializer;
}

/** The parameters of a {@link DenseLayer}. */
export interface DenseParams {
  readonly kernel: ax.Array;
  readonly bias: ax.Array;
}

/** The input's feature count (its last axis), or an error for a scalar input. */
function featuresOf(spec: ax.ShapeDtype): number {
  checkFloatInput(spec, 'Dense');
  const dimIn = spec.shape[spec.shape.length - 1];
  if (dimIn === undefined) {
    throw new ax.ShapeError(
      `Dense: the input needs at least one axis (its features), got ${spec.describe()}`,
    );
  }
  return dimIn;
}

function checkDimOut(dimOut: number): void {
  if (!Number.isInteger(dimOut) || dimOut < 1) {
    throw new ax.ParameterError(`Dense: dimOut must be a positive integer, got ${String(dimOut)}`);
  }
}

/**
 * A fully connected layer (Oryx's `Dense`): `dot(x, kernel) + bias` on the last axis of `x`, so an
 * input `[..., dimIn]` gives `[..., dimOut]`.
 *
 * @example
 * ```ts
 * const layer: nn.DenseLayer = nn.Dense(3).init(ax.random.key(0), ax.zeros([2]));
 * layer.params.kernel.shape; // [2, 3]
 * ax.grad((l: nn.DenseLayer) => l.call(ax.ones([2])).sum())(layer).params.bias; // [1, 1, 1]
 * ```
 */
export class DenseLayer extends Layer<DenseParams, Empty, Empty> {
  static initialize(
    initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    dimOut: number,
    options: DenseOptions = {},
  ): LayerParams<DenseParams, Empty, Empty> {
    checkDimOut(dimOut);
    const dimIn = featuresOf(inSpec);
    const { kernelInit = glorotNormal(), biasInit = zeros } = options;
    const [kernelKey, biasKey] = ax.random.unstackKeys(ax.random.split(initKey)) as [ax.Array, ax.Array];
    return layerParams({
      params: { kernel: kernelInit(kernelKey, [dimIn, dimOut]), bias: biasInit(biasKey, [dimOut]) },
    });
  }

  static spec(inSpec: ax.ShapeDtype, dimOut: number): ax.ShapeDtype {
    checkDimOut(dimOut);
    featuresOf(inSpec);
    return new ax.ShapeDtype([...inSpec.shape.slice(0, -1), dimOut], inSpec.dtype);
  }

  /** The number of input features. */
  get dimIn(): number {
    return this.params.kernel.shape[0]!;
  }

  /** The number of output features. */
  get dimOut(): number {
    return this.params.kernel.shape[1]!;
  }

  protected override _call(input: unknown): ax.Array {
    const x = arrayInput(input, 'Dense');
    if (featuresOf(x.aval) !== this.dimIn) {
      throw new ax.ShapeError(
        `Dense: the input ${x.aval.describe()} has ${featuresOf(x.aval)} features on its last axis, ` +
          `the kernel expects ${this.dimIn}`,
      );
    }
    return ax.add(ax.dot(x, this.params.kernel), this.params.bias);
  }

  override toString(): string {
    return `Dense(${this.dimOut})`;
  }
}

/**
 * A {@link DenseLayer} template: `Dense(dimOut, { kernelInit, biasInit })`.
 *
 * @example
 * ```ts
 * const dense = nn.Dense(100);
 * dense.spec(new ax.ShapeDtype([5, 10], 'float32')); // f32[5,100]
 * const layer = dense.init(ax.random.key(0), new ax.ShapeDtype([10], 'float32'));
 * layer.call(ax.ones([10])); // f32[100]: dot(x, kernel) + bias
 * ```
 */
export const Dense = layerFactory(DenseLayer);
