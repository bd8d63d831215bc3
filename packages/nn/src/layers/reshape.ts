import * as ax from '@addax/core';
import { layerFactory } from '../base/factory.js';
import { Layer } from '../base/layer.js';
import { layerParams, type Empty, type LayerParams } from '../base/layer-params.js';
import { arrayInput } from './input.js';

/** The static configuration of a {@link ReshapeLayer}. */
export interface ReshapeInfo {
  /** The requested shape, possibly with one -1. */
  readonly shape: readonly number[];
}

const show = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/**
 * `shape` for an input of `inShape`, its one -1 (if any) replaced by what makes the element
 * counts agree, as numpy's reshape; an error naming both shapes when none does.
 */
function resolveShape(inShape: readonly number[], shape: readonly number[], where: string): number[] {
  if (shape.some((d) => !Number.isInteger(d) || d < -1) || shape.filter((d) => d === -1).length > 1) {
    throw new ax.ParameterError(
      `${where}: invalid shape ${show(shape)}; sizes are non-negative integers, with at most one -1`,
    );
  }
  const size = inShape.reduce((p, d) => p * d, 1);
  const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const unknown = shape.includes(-1);
  if (unknown ? known === 0 || size % known !== 0 : known !== size) {
    throw new ax.ShapeError(
      `${where}: cannot reshape an example of shape ${show(inShape)} (${size} elements) into ${show(shape)}`,
    );
  }
  return shape.map((d) => (d === -1 ? size / known : d));
}

/**
 * Flattens each example to one axis (Oryx's `Flatten`): the layer sees one example, so all of its
 * input's axes collapse; under `vmap` a batch `[B, ...]` gives `[B, features]`.
 *
 * @example
 * ```ts
 * nn.Flatten().init(ax.random.key(0), ax.zeros([2, 3])).call(ax.ones([2, 3])).shape; // [6]
 * ```
 */
export class FlattenLayer extends Layer<Empty, Empty, Empty> {
  static initialize(): LayerParams<Empty, Empty, Empty> {
    return layerParams();
  }

  static spec(inSpec: ax.ShapeDtype): ax.ShapeDtype {
    return new ax.ShapeDtype([inSpec.size], inSpec.dtype);
  }

  protected override _call(input: unknown): ax.Array {
    const x = arrayInput(input, 'Flatten');
    return ax.reshape(x, [x.size]);
  }

  override toString(): string {
    return 'Flatten()';
  }
}

/**
 * A {@link FlattenLayer} template.
 *
 * @example
 * ```ts
 * const flatten = nn.Flatten().init(ax.random.key(0), ax.zeros([7, 7, 64]));
 * flatten.call(ax.zeros([7, 7, 64])).shape; // [3136]
 * ax.vmap((x: ax.Array) => flatten.call(x))(ax.zeros([32, 7, 7, 64])).shape; // [32, 3136]
 * ```
 */
export const Flatten = layerFactory(FlattenLayer);

/**
 * Reshapes each example (Oryx's `Reshape`): the layer sees one example, so `shape` is an example's
 * new shape; one entry may be -1, inferred from the element count as numpy does (beyond Oryx).
 *
 * @example
 * ```ts
 * nn.Reshape([3, -1]).init(ax.random.key(0), ax.zeros([6])).call(ax.ones([6])).shape; // [3, 2]
 * ```
 */
export class ReshapeLayer extends Layer<Empty, Empty, ReshapeInfo> {
  static initialize(
    _initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    shape: number | readonly number[],
  ): LayerParams<Empty, Empty, ReshapeInfo> {
    ReshapeLayer.spec(inSpec, shape);
    return layerParams({ info: { shape: typeof shape === 'number' ? [shape] : [...shape] } });
  }

  static spec(inSpec: ax.ShapeDtype, shape: number | readonly number[]): ax.ShapeDtype {
    const requested = typeof shape === 'number' ? [shape] : shape;
    return new ax.ShapeDtype(resolveShape(inSpec.shape, requested, 'Reshape'), inSpec.dtype);
  }

  protected override _call(input: unknown): ax.Array {
    const x = arrayInput(input, 'Reshape');
    return ax.reshape(x, resolveShape(x.shape, this.info.shape, 'Reshape'));
  }

  override toString(): string {
    return `Reshape(${show(this.info.shape)})`;
  }
}

/**
 * A {@link ReshapeLayer} template: `Reshape(shape)`, the new shape of one example.
 *
 * @example
 * ```ts
 * const reshape = nn.Reshape([-1, 10]).init(ax.random.key(0), ax.zeros([100]));
 * reshape.call(ax.zeros([100])).shape; // [10, 10]
 * ax.vmap((x: ax.Array) => reshape.call(x))(ax.zeros([5, 100])).shape; // [5, 10, 10]
 * ```
 */
export const Reshape = layerFactory(ReshapeLayer);
