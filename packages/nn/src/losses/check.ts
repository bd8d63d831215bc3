import * as ax from '@addax/core';

/** Checks that `x` is a float32 array, naming the loss and the argument on error. */
export function checkFloatArray(where: string, name: string, x: unknown): asserts x is ax.Array {
  if (!(x instanceof ax.Array)) {
    throw new ax.ParameterError(`${where}: ${name} must be an array, got ${typeof x}`);
  }
  if (x.dtype !== 'float32') {
    throw new ax.DTypeError(`${where}: ${name} must be float32, got ${x.aval.describe()}`);
  }
}

/**
 * Checks that `x` broadcasts to exactly `target`'s shape (it may not add axes to the result, as a
 * mistaken label shape would), naming the loss and both shapes on error.
 */
export function checkBroadcastsTo(where: string, name: string, x: ax.ArrayLike, target: ax.Array): void {
  if (!(x instanceof ax.Array)) return;
  const offset = target.ndim - x.ndim;
  if (offset < 0 || x.shape.some((d, i) => d !== 1 && d !== target.shape[offset + i])) {
    throw new ax.ShapeError(
      `${where}: ${name} ${x.aval.describe()} does not broadcast to ${target.aval.describe()}`,
    );
  }
}

/** Checks that two arrays have the same shape, naming the loss and both shapes on error. */
export function checkSameShape(where: string, a: ax.Array, aName: string, b: ax.Array, bName: string): void {
  if (a.shape.join() !== b.shape.join()) {
    throw new ax.ShapeError(
      `${where}: ${aName} ${a.aval.describe()} and ${bName} ${b.aval.describe()} must have the same shape`,
    );
  }
}
