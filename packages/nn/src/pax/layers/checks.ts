import * as ax from '@addax/core';

/**
 * `value` if it is a positive integer, else an error naming the layer and hyperparameter: a
 * template left without its dims (`inputDims` of a FeedForward template, say) fails here.
 */
export function positiveInt(layer: object, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ax.ParameterError(
      `${String(layer)}: ${field} must be a positive integer, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * `x` as the array a layer takes, checked to be float32 and, when `lastDim` is given, to end in
 * that size; the error names the layer and the shape it got.
 */
export function floatInput(layer: object, x: unknown, lastDim?: number): ax.Array {
  if (!(x instanceof ax.Array)) {
    // The structure, not the values: inside a transformation the leaves are tracers without data.
    throw new ax.ParameterError(
      `${String(layer)}: the input must be one array, got ${ax.tree.flatten(x)[1].toString()}`,
    );
  }
  // float32 is Addax's one floating dtype.
  if (x.dtype !== 'float32') {
    throw new ax.DTypeError(
      `${String(layer)}: the input must be float32, got ${x.aval.describe()} (cast it with .astype('float32'))`,
    );
  }
  if (lastDim !== undefined && x.shape.at(-1) !== lastDim) {
    throw new ax.ShapeError(
      `${String(layer)}: the input's last axis must have size ${lastDim}, got ${x.aval.describe()}`,
    );
  }
  return x;
}
