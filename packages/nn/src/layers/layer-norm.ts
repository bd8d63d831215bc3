import * as ax from '@addax/core';
import { layerFactory } from '../base/factory.js';
import { Layer } from '../base/layer.js';
import { layerParams, type Empty, type LayerParams } from '../base/layer-params.js';
import { ones, zeros, type Initializer } from '../initializers/index.js';
import { exampleAxes } from './axes.js';
import { arrayInput, checkFloatInput } from './input.js';

/** Options of {@link LayerNorm}. */
export interface LayerNormOptions {
  /** Added to the variance before the square root; default 1e-6, as Flax's `LayerNorm`. */
  readonly epsilon?: number;
  /** Whether to multiply by a learned `scale` (default true). */
  readonly useScale?: boolean;
  /** Whether to add a learned `bias` (default true). */
  readonly useBias?: boolean;
  /** The axis or axes of one example that are normalised together; default -1, the features. */
  readonly axis?: number | readonly number[];
  /** Draws `scale`; default ones. */
  readonly scaleInit?: Initializer;
  /** Draws `bias`; default zeros. */
  readonly biasInit?: Initializer;
}

/** The parameters of a {@link LayerNormLayer}: each has the shape of the normalised axes. */
export interface LayerNormParams {
  readonly scale?: ax.Array;
  readonly bias?: ax.Array;
}

/** The static configuration of a {@link LayerNormLayer}. */
export interface LayerNormInfo {
  readonly epsilon: number;
  /** The normalised axes of an example, non-negative and increasing. */
  readonly axes: readonly number[];
}

/** The layer's info for examples like `inSpec`, every option checked. */
function configure(inSpec: ax.ShapeDtype, { epsilon = 1e-6, axis = -1 }: LayerNormOptions): LayerNormInfo {
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon < 0) {
    throw new ax.ParameterError(
      `LayerNorm: epsilon must be a non-negative finite number, got ${String(epsilon)}`,
    );
  }
  checkFloatInput(inSpec, 'LayerNorm');
  return { epsilon, axes: exampleAxes('LayerNorm', axis, inSpec.ndim) };
}

/**
 * Layer normalisation (Ba et al. 2016; beyond Oryx, as Flax's `LayerNorm`): each example is
 * normalised over `axis` by its own mean and variance, `(x - mean) / sqrt(var + epsilon)`, then
 * multiplied by `scale` and shifted by `bias`. It has no state and needs no batch, so under `vmap`
 * it runs per example.
 *
 * @example
 * ```ts
 * const norm = nn.LayerNorm({ axis: [-2, -1] }).init(ax.random.key(0), ax.zeros([4, 8]));
 * norm.params.scale!.shape; // [4, 8]
 * ax.vmap((x: ax.Array) => norm.call(x))(ax.ones([16, 4, 8])).shape; // [16, 4, 8]
 * ```
 */
export class LayerNormLayer extends Layer<LayerNormParams, Empty, LayerNormInfo> {
  static initialize(
    initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    options: LayerNormOptions = {},
  ): LayerParams<LayerNormParams, Empty, LayerNormInfo> {
    const { useScale = true, useBias = true, scaleInit = ones, biasInit = zeros } = options;
    const info = configure(inSpec, options);
    const shape = info.axes.map((a) => inSpec.shape[a]!);
    const [scaleKey, biasKey] = ax.random.unstackKeys(ax.random.split(initKey)) as [ax.Array, ax.Array];
    return layerParams({
      params: {
        ...(useScale ? { scale: scaleInit(scaleKey, shape) } : {}),
        ...(useBias ? { bias: biasInit(biasKey, shape) } : {}),
      },
      info,
    });
  }

  static spec(inSpec: ax.ShapeDtype, options: LayerNormOptions = {}): ax.ShapeDtype {
    configure(inSpec, options);
    return inSpec;
  }

  protected override _call(input: unknown): ax.Array {
    const x = arrayInput(input, 'LayerNorm');
    checkFloatInput(x.aval, 'LayerNorm');
    const { epsilon, axes } = this.info;
    if (axes.some((a) => a >= x.ndim)) {
      throw new ax.ShapeError(
        `LayerNorm: normalises axes [${axes.join(', ')}], got an example ${x.aval.describe()}`,
      );
    }
    const normalised = axes.map((a) => x.shape[a]!);
    // The parameters broadcast against x with size-1 axes where x is not normalised.
    const broadcast = (p: ax.Array, name: string): ax.Array => {
      if (p.shape.join() !== normalised.join()) {
        throw new ax.ShapeError(
          `LayerNorm: ${name} ${p.aval.describe()} does not fit axes [${axes.join(', ')}] of ${x.aval.describe()}`,
        );
      }
      return ax.reshape(
        p,
        x.shape.map((d, i) => (axes.includes(i) ? d : 1)),
      );
    };
    const centered = x.sub(ax.mean(x, axes, { keepdims: true }));
    const variance = ax.mean(ax.square(centered), axes, { keepdims: true });
    let y = centered.mul(ax.rsqrt(variance.add(epsilon)));
    const { scale, bias } = this.params;
    if (scale !== undefined) y = y.mul(broadcast(scale, 'scale'));
    if (bias !== undefined) y = y.add(broadcast(bias, 'bias'));
    return y;
  }

  override toString(): string {
    return 'LayerNorm()';
  }
}

/**
 * A {@link LayerNormLayer} template: `LayerNorm({ epsilon, useScale, useBias, axis, scaleInit, biasInit })`.
 *
 * @example
 * ```ts
 * const norm = nn.LayerNorm().init(ax.random.key(0), ax.zeros([4]));
 * norm.call(ax.array([1, 2, 3, 4])); // [-1.3416, -0.4472, 0.4472, 1.3416]
 * norm.params; // { scale: ones f32[4], bias: zeros f32[4] }
 * ```
 */
export const LayerNorm = layerFactory(LayerNormLayer);
