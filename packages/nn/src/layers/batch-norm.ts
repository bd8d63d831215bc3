import * as ax from '@addax/core';
import { layerFactory } from '../base/factory.js';
import type { LayerKwargs } from '../base/kwargs.js';
import { Layer } from '../base/layer.js';
import { layerParams, type LayerParams } from '../base/layer-params.js';
import { ones, zeros, type Initializer } from '../initializers/index.js';
import { exampleAxes } from './axes.js';
import { checkFloatInput } from './input.js';
import { exampleInput } from './per-example.js';

/** Options of {@link BatchNorm}; the defaults are Oryx's. */
export interface BatchNormOptions {
  /**
   * The axes of one example that are normalised over (together with the batch); the others keep
   * their own statistics and parameters. Default `[0, 1]`: per channel of an `[H, W, C]` image;
   * `[]` normalises each feature over the batch alone (after a `Dense` layer).
   */
  readonly axis?: number | readonly number[];
  /** How much of the running averages an update keeps: `new = momentum * old + (1 - momentum) * batch`. Default 0.99. */
  readonly momentum?: number;
  /** Added to the variance before its square root. Default 1e-5. */
  readonly epsilon?: number;
  /** Whether to add a learned offset `beta`. Default true. */
  readonly center?: boolean;
  /** Whether to multiply by a learned scale `gamma`. Default true. */
  readonly scale?: boolean;
  /** Draws `beta`; default zeros. */
  readonly betaInit?: Initializer;
  /** Draws `gamma`; default ones. */
  readonly gammaInit?: Initializer;
}

/** The learned parameters, each of the shape of the axes not normalised over; absent when disabled. */
export interface BatchNormParams {
  readonly beta?: ax.Array;
  readonly gamma?: ax.Array;
}

/** The running averages: an example's shape with 1 on the normalised axes. */
export interface BatchNormState {
  readonly movingMean: ax.Array;
  readonly movingVar: ax.Array;
}

/** The static configuration of a {@link BatchNormLayer}. */
export interface BatchNormInfo {
  readonly axis: readonly number[];
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  /** `1 - momentum`. */
  readonly decay: number;
  /** The shape of one example. */
  readonly shape: readonly number[];
}

/** The axes normalised over; none (`[]`) is Oryx's `axis=()`: the batch alone, e.g. after a Dense layer. */
function normalizedAxes(where: string, axis: number | readonly number[], ndim: number): number[] {
  return globalThis.Array.isArray(axis) && axis.length === 0 ? [] : exampleAxes(where, axis, ndim);
}

function checkFraction(where: string, name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= max)) {
    throw new ax.ParameterError(`${where}: ${name} must be a number in [0, ${max}], got ${String(value)}`);
  }
  return value;
}

function batchNormInfo(inSpec: ax.ShapeDtype, options: BatchNormOptions): BatchNormInfo {
  const where = 'BatchNorm';
  checkFloatInput(inSpec, where);
  const { momentum = 0.99, epsilon = 1e-5, center = true, scale = true } = options;
  return {
    axis: normalizedAxes(where, options.axis ?? [0, 1], inSpec.ndim),
    epsilon: checkFraction(where, 'epsilon', epsilon, Infinity),
    center,
    scale,
    decay: 1 - checkFraction(where, 'momentum', momentum, 1),
    shape: inSpec.shape,
  };
}

/** The shape of the running averages: an example's with 1 on the normalised axes. */
function movingShape(info: BatchNormInfo): number[] {
  return info.shape.map((d, i) => (info.axis.includes(i) ? 1 : d));
}

/**
 * Batch normalisation (Oryx's `BatchNorm`): `gamma * (x - mean) / sqrt(var + epsilon) + beta`, the
 * statistics taken over the batch and the example axes `axis`.
 *
 * The layer sees one example, as every Oryx layer: a single example has no batch statistics, so a
 * call outside `vmap` in training (the default) returns its input unchanged. Under `vmap` the
 * `layer_cau` batch rule hands the whole batch to `_callAndUpdateBatched`, which normalises with
 * the batch's mean and (biased) variance and moves the running averages towards them:
 * `moving = momentum * moving + (1 - momentum) * batch`. With `training: false` it normalises with
 * the running averages instead, with or without `vmap`. The running averages are state, so they
 * are stop-gradiented and a gradient with respect to the layer is zero there.
 *
 * Differences from Oryx: an update with `training: false` leaves the running averages unchanged
 * (Oryx's `_update` takes no `training` and moves them on evaluation data too); the batch variance
 * is computed as the mean squared deviation rather than `E[x^2] - E[x]^2`, the same value with less
 * cancellation.
 *
 * @example
 * ```ts
 * const bn = nn.BatchNorm().init(ax.random.key(0), ax.zeros([4, 4, 2]));
 * const x = ax.random.normal(ax.random.key(1), [4, 4, 2]);
 * bn.call(x); // x itself: one example has no batch statistics
 * const [y, moved] = ax.vmap((xi: ax.Array) => bn.callAndUpdate(xi), { outAxes: [0, null] })(ax.stack([x, x.mul(2)]));
 * moved.state.movingMean.shape; // [1, 1, 2]
 * ```
 */
export class BatchNormLayer extends Layer<BatchNormParams, BatchNormState, BatchNormInfo> {
  static override readonly callKwargs = ['training'] as const;
  static override readonly updateKwargs = ['training'] as const;

  static initialize(
    initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    options: BatchNormOptions = {},
  ): LayerParams<BatchNormParams, BatchNormState, BatchNormInfo> {
    const info = batchNormInfo(inSpec, options);
    const { betaInit = zeros, gammaInit = ones } = options;
    const paramShape = info.shape.filter((_, i) => !info.axis.includes(i));
    const [betaKey, gammaKey] = ax.random.unstackKeys(ax.random.split(initKey)) as [ax.Array, ax.Array];
    const shape = movingShape(info);
    return layerParams({
      params: {
        ...(info.center ? { beta: betaInit(betaKey, paramShape) } : {}),
        ...(info.scale ? { gamma: gammaInit(gammaKey, paramShape) } : {}),
      },
      state: { movingMean: ax.zeros(shape), movingVar: ax.ones(shape) },
      info,
    });
  }

  static spec(inSpec: ax.ShapeDtype, options: BatchNormOptions = {}): ax.ShapeDtype {
    batchNormInfo(inSpec, options);
    return inSpec;
  }

  protected override _call(x: unknown, { training = true }: LayerKwargs): ax.Array {
    const example = this.input(x, false);
    if (training) return example;
    return this.normalize(example, this.state.movingMean, this.state.movingVar);
  }

  protected override _update(x: unknown, { training = true }: LayerKwargs): this {
    const example = this.input(x, false);
    if (!training) return this;
    return this.moved(...moments(example, this.info.axis));
  }

  override _callAndUpdateBatched(x: unknown, { training = true }: LayerKwargs): [ax.Array, this] {
    const batch = this.input(x, true);
    if (!training) return [this.normalize(batch, this.state.movingMean, this.state.movingVar), this];
    const [mean, variance] = moments(batch, [0, ...this.info.axis.map((a) => a + 1)]);
    return [this.normalize(batch, mean, variance), this.moved(mean, variance)];
  }

  private input(x: unknown, batched: boolean): ax.Array {
    const a = exampleInput('BatchNorm', x, this.info.shape.length, batched);
    const example = new ax.ShapeDtype(a.shape.slice(batched ? 1 : 0), a.dtype);
    checkFloatInput(example, 'BatchNorm');
    if (example.shape.some((d, i) => d !== this.info.shape[i])) {
      throw new ax.ShapeError(
        `BatchNorm: the input ${a.aval.describe()} does not match the example shape ` +
          `[${this.info.shape.join(', ')}] the layer was initialised for`,
      );
    }
    return a;
  }

  /** `x` normalised with `mean` and `variance` (broadcast against it), then scaled and shifted. */
  private normalize(x: ax.Array, mean: ax.Array, variance: ax.Array): ax.Array {
    const { beta, gamma } = this.params;
    const shape = movingShape(this.info);
    let y = x.sub(mean).mul(ax.rsqrt(variance.add(this.info.epsilon)));
    if (gamma !== undefined) y = y.mul(gamma.reshape(shape));
    if (beta !== undefined) y = y.add(beta.reshape(shape));
    return y;
  }

  /** The layer with its running averages moved towards `mean` and `variance` by `decay`. */
  private moved(mean: ax.Array, variance: ax.Array): this {
    const { decay } = this.info;
    const shape = movingShape(this.info);
    const move = (old: ax.Array, value: ax.Array): ax.Array =>
      old.sub(old.sub(value.reshape(shape)).mul(decay));
    return this.replace({
      state: {
        movingMean: move(this.state.movingMean, mean),
        movingVar: move(this.state.movingVar, variance),
      },
    });
  }

  override toString(): string {
    return `BatchNorm(axis=[${this.info.axis.join(', ')}])`;
  }
}

/** The mean and (biased) variance of `x` over `axes`, the reduced axes kept. */
function moments(x: ax.Array, axes: readonly number[]): [ax.Array, ax.Array] {
  return [ax.mean(x, axes, { keepdims: true }), ax.var(x, axes, { keepdims: true })];
}

/**
 * A {@link BatchNormLayer} template: `BatchNorm({ axis, momentum, epsilon, center, scale, betaInit,
 * gammaInit })`.
 *
 * @example
 * ```ts
 * const bn = nn.BatchNorm().init(ax.random.key(0), new ax.ShapeDtype([8, 8, 32], 'float32'));
 * const x = ax.random.normal(ax.random.key(1), [16, 8, 8, 32]);
 * // Batch statistics, and the layer with its running averages moved:
 * const [y, bn2] = ax.vmap((xi: ax.Array) => bn.callAndUpdate(xi), { outAxes: [0, null] })(x);
 * ax.vmap((xi: ax.Array) => bn2.call(xi, { training: false }))(x); // with the running averages
 * ```
 */
export const BatchNorm = layerFactory(BatchNormLayer);
