import * as ax from '@addax/core';
import { layerFactory } from '../base/factory.js';
import { layerParams, type Empty, type LayerParams } from '../base/layer-params.js';
import { checkExampleRank, layerName, PerExampleLayer } from './per-example.js';
import { checkPadding, perAxis, windowSizes, type Padding } from './window.js';

/** Options of the pooling layers. */
export interface PoolingOptions {
  /** The stride per window axis, or one for all; default 1, as Oryx. */
  readonly strides?: number | readonly number[];
  /** Default `'VALID'`, as Oryx. */
  readonly padding?: Padding;
}

/** The static configuration of a pooling layer. */
export interface PoolingInfo {
  readonly windowShape: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
}

/** What a pooling class provides to the shared `initialize` and `spec`. */
interface PoolingClass {
  readonly name: string;
  /** The pooling of `x` `[...batch, ...spatial, channels]`. */
  pool(x: ax.Array, info: PoolingInfo): ax.Array;
}

function poolingInfo(
  where: string,
  inSpec: ax.ShapeDtype,
  windowShape: number | readonly number[],
  options: PoolingOptions,
): PoolingInfo {
  const window = windowSizes(where, 'windowShape', windowShape);
  const info: PoolingInfo = {
    windowShape: window,
    strides: perAxis(where, 'strides', options.strides, window.length),
    padding: checkPadding(where, options.padding ?? 'VALID'),
  };
  checkExampleRank(where, inSpec, window.length + 1);
  if (inSpec.dtype === 'bool') {
    throw new ax.DTypeError(`${where}: the input ${inSpec.describe()} is bool; pool a numeric array`);
  }
  return info;
}

/**
 * What the pooling layers share (Oryx's `Pooling`): a window over the spatial axes of one example
 * `[...spatial, channels]` (the window's length says how many), each channel pooled on its own; no
 * parameters. Under `vmap` the batch is pooled in one call.
 *
 * @example
 * ```ts
 * const pool = nn.AvgPooling(2, { strides: 2 }).init(ax.random.key(0), ax.zeros([4, 4, 3]));
 * pool instanceof nn.PoolingLayer; // true
 * pool.info; // { windowShape: [2, 2], strides: [2, 2], padding: 'VALID' }
 * ax.vmap((x: ax.Array) => pool.call(x))(ax.zeros([8, 4, 4, 3])).shape; // [8, 2, 2, 3]
 * ```
 */
export abstract class PoolingLayer extends PerExampleLayer<Empty, Empty, PoolingInfo> {
  static initialize(
    this: PoolingClass,
    _initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    windowShape: number | readonly number[],
    options: PoolingOptions = {},
  ): LayerParams<Empty, Empty, PoolingInfo> {
    return layerParams({ info: poolingInfo(layerName(this), inSpec, windowShape, options) });
  }

  static spec(
    this: PoolingClass,
    inSpec: ax.ShapeDtype,
    windowShape: number | readonly number[],
    options: PoolingOptions = {},
  ): ax.ShapeDtype {
    const where = layerName(this);
    const info = poolingInfo(where, inSpec, windowShape, options);
    const out = ax.evalShape<ax.ShapeDtype>((x: ax.Array) => this.pool(x, info))(inSpec);
    if (out.shape.slice(0, -1).includes(0)) {
      throw new ax.ShapeError(
        `${where}: the window [${info.windowShape.join(', ')}] does not fit the input ${inSpec.describe()} ` +
          `with padding ${info.padding}: the output would be ${out.describe()}`,
      );
    }
    return out;
  }

  protected override get exampleRank(): number {
    return this.info.windowShape.length + 1;
  }

  protected override _callBatched(x: ax.Array): ax.Array {
    return (this.constructor as unknown as PoolingClass).pool(x, this.info);
  }

  override toString(): string {
    return `${this.where}([${this.info.windowShape.join(', ')}])`;
  }
}

/**
 * The maximum over each window (Oryx's `MaxPooling`); padding never wins.
 *
 * @example
 * ```ts
 * const pool = nn.MaxPooling([2], { padding: 'SAME' }).init(ax.random.key(0), ax.zeros([3, 1]));
 * pool.call(ax.array([[-1], [-3], [-2]])); // [[-1], [-2], [-2]]: the padding never wins
 * ```
 */
export class MaxPoolingLayer extends PoolingLayer {
  static pool(x: ax.Array, { windowShape, strides, padding }: PoolingInfo): ax.Array {
    return ax.maxPool(x, windowShape, strides, padding);
  }
}

/**
 * The sum over each window (Oryx's `SumPooling`); padding counts 0.
 *
 * @example
 * ```ts
 * const pool = nn.SumPooling([2], { padding: 'SAME' }).init(ax.random.key(0), ax.zeros([3, 1]));
 * pool.call(ax.array([[1], [2], [3]])); // [[3], [5], [3]]
 * ```
 */
export class SumPoolingLayer extends PoolingLayer {
  static pool(x: ax.Array, { windowShape, strides, padding }: PoolingInfo): ax.Array {
    return ax.sumPool(x, windowShape, strides, padding);
  }
}

/**
 * The float32 mean over each window (Oryx's `AvgPooling`): as Oryx and stax, a window that overlaps
 * `'SAME'` padding divides by the number of input elements it covers, not by the window size
 * (flax's `avg_pool` default counts the padding).
 *
 * @example
 * ```ts
 * const pool = nn.AvgPooling(2, { padding: 'SAME' }).init(ax.random.key(0), ax.zeros([3, 3, 1]));
 * pool.call(ax.arange(1, 10).astype('float32').reshape([3, 3, 1])); // corner window: 9 / 1, not 9 / 4
 * ```
 */
export class AvgPoolingLayer extends PoolingLayer {
  static pool(x: ax.Array, { windowShape, strides, padding }: PoolingInfo): ax.Array {
    return ax.avgPool(x, windowShape, strides, padding, false);
  }
}

/**
 * A {@link MaxPoolingLayer} template: `MaxPooling(windowShape, { strides, padding })`. A number
 * is a square 2-D window.
 *
 * @example
 * ```ts
 * const pool = nn.MaxPooling(2, { strides: 2 }).init(ax.random.key(0), ax.zeros([4, 4, 1]));
 * pool.call(ax.arange(16).astype('float32').reshape([4, 4, 1])); // [[[5], [7]], [[13], [15]]]
 * ```
 */
export const MaxPooling = layerFactory(MaxPoolingLayer);

/**
 * A {@link SumPoolingLayer} template: `SumPooling(windowShape, { strides, padding })`.
 *
 * @example
 * ```ts
 * const pool = nn.SumPooling([2]).init(ax.random.key(0), ax.zeros([3, 1]));
 * pool.call(ax.array([[1], [2], [3]])); // [[3], [5]]
 * ```
 */
export const SumPooling = layerFactory(SumPoolingLayer);

/**
 * An {@link AvgPoolingLayer} template: `AvgPooling(windowShape, { strides, padding })`.
 *
 * @example
 * ```ts
 * const pool = nn.AvgPooling([2], { padding: 'SAME' }).init(ax.random.key(0), ax.zeros([3, 1]));
 * pool.call(ax.array([[1], [2], [3]])); // [[1.5], [2.5], [3]]: the last window covers one element
 * ```
 */
export const AvgPooling = layerFactory(AvgPoolingLayer);
