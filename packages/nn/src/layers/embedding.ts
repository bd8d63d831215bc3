import * as ax from '@addax/core';
import { layerFactory } from '../base/factory.js';
import { Layer } from '../base/layer.js';
import { layerParams, type Empty, type LayerParams } from '../base/layer-params.js';
import { normal, type Initializer } from '../initializers/index.js';
import { arrayInput } from './input.js';

/** Options of {@link Embedding}. */
export interface EmbeddingOptions {
  /**
   * Draws the table `[numEmbeddings, features]`; default normal with variance `1 / features`, the
   * distribution of Flax's `Embed` default (`variance_scaling(1, 'fan_in', 'normal', out_axis=0)`).
   */
  readonly embeddingInit?: Initializer;
}

/** The parameters of an {@link EmbeddingLayer}. */
export interface EmbeddingParams {
  readonly embedding: ax.Array;
}

function checkIndices(spec: ax.ShapeDtype): void {
  if (spec.dtype !== 'int32' && spec.dtype !== 'uint32') {
    throw new ax.DTypeError(
      `Embedding: the input holds indices and must be int32 or uint32, got ${spec.describe()}`,
    );
  }
}

function checkCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new ax.ParameterError(`Embedding: ${name} must be a positive integer, got ${String(n)}`);
  }
}

/**
 * A lookup table (beyond Oryx, as Flax's `Embed`): integer indices of any shape `[...]` give their
 * rows of `embedding`, `[..., features]`. Its gradient adds each row's cotangent into the row it
 * was read from. As `jnp.take` in JAX, negative indices count from the end and an index outside
 * `[-numEmbeddings, numEmbeddings)` gives a row of NaN (checking would mean reading the indices
 * back from the device).
 *
 * @example
 * ```ts
 * const embed = nn.Embedding(3, 2).init(ax.random.key(0), new ax.ShapeDtype([2], 'int32'));
 * const ids = ax.array([2, 2], { dtype: 'int32' });
 * ax.grad((l: nn.EmbeddingLayer) => l.call(ids).sum())(embed).params.embedding; // [[0, 0], [0, 0], [2, 2]]
 * ```
 */
export class EmbeddingLayer extends Layer<EmbeddingParams, Empty, Empty> {
  static initialize(
    initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    numEmbeddings: number,
    features: number,
    options: EmbeddingOptions = {},
  ): LayerParams<EmbeddingParams, Empty, Empty> {
    EmbeddingLayer.spec(inSpec, numEmbeddings, features);
    const { embeddingInit = normal(1 / Math.sqrt(features)) } = options;
    return layerParams({ params: { embedding: embeddingInit(initKey, [numEmbeddings, features]) } });
  }

  static spec(inSpec: ax.ShapeDtype, numEmbeddings: number, features: number): ax.ShapeDtype {
    checkCount('numEmbeddings', numEmbeddings);
    checkCount('features', features);
    checkIndices(inSpec);
    return new ax.ShapeDtype([...inSpec.shape, features], 'float32');
  }

  /** The number of rows. */
  get numEmbeddings(): number {
    return this.params.embedding.shape[0]!;
  }

  /** The length of each row. */
  get features(): number {
    return this.params.embedding.shape[1]!;
  }

  protected override _call(input: unknown): ax.Array {
    const indices = arrayInput(input, 'Embedding');
    checkIndices(indices.aval);
    return ax.take(this.params.embedding, indices, 0);
  }

  override toString(): string {
    return `Embedding(${this.numEmbeddings}, ${this.features})`;
  }
}

/**
 * An {@link EmbeddingLayer} template: `Embedding(numEmbeddings, features, { embeddingInit })`.
 *
 * @example
 * ```ts
 * const embed = nn.Embedding(1000, 64).init(ax.random.key(0), new ax.ShapeDtype([8], 'int32'));
 * embed.call(ax.array([3, 1, 4, 1, 5, 9, 2, 6], { dtype: 'int32' })).shape; // [8, 64]
 * ```
 */
export const Embedding = layerFactory(EmbeddingLayer);
