import { Array, type ArrayLike } from '../array.js';
import type { DType } from '../dtype.js';
import { DTypeError, ParameterError, ShapeError } from '../errors.js';
import { asArray, broadcastTo } from '../numpy/convert.js';
import { checkShape, formatShape, type Shape } from '../shape.js';

const KEY_HELP = 'a key is a uint32 array of shape [2], made by random.key, split or foldIn';

/**
 * Checks that `key` is one raw threefry key (uint32 `[2]`), or with `batched` a batch of them
 * (`[..., 2]`), naming the function and the key's shape on error.
 */
export function checkKey(where: string, key: unknown, batched = false): asserts key is Array {
  if (!(key instanceof Array)) {
    throw new ParameterError(`${where}: ${KEY_HELP}; got ${typeof key}`);
  }
  if (key.dtype !== 'uint32') {
    throw new DTypeError(`${where}: ${KEY_HELP}; got ${key.aval.describe()}`);
  }
  const fits = batched
    ? key.ndim >= 1 && key.shape[key.ndim - 1] === 2
    : key.ndim === 1 && key.shape[0] === 2;
  if (!fits) {
    const expected = batched ? ' (or a batch of keys of shape [..., 2])' : '';
    const hint =
      !batched && key.ndim > 1 && key.shape[key.ndim - 1] === 2
        ? '; this is a batch of keys, pass one of them'
        : '';
    throw new ShapeError(`${where}: ${KEY_HELP}${expected}; got key ${key.aval.describe()}${hint}`);
  }
}

/** Checks a sample shape argument: a list of non-negative integers. */
export function checkSampleShape(where: string, shape: unknown): Shape {
  if (!globalThis.Array.isArray(shape)) {
    throw new ParameterError(`${where}: shape must be a list of non-negative integers, got ${String(shape)}`);
  }
  return checkShape(shape as Shape, where);
}

/** Checks that `dtype` is float32, the one floating dtype, for samplers of real values. */
export function checkFloatDType(where: string, dtype: DType): void {
  if (dtype !== 'float32') {
    throw new DTypeError(`${where}: dtype must be a floating dtype (float32), got ${String(dtype)}`);
  }
}

/**
 * Raises a ShapeError unless the parameter shapes broadcast to exactly `shape`, the sample shape
 * (JAX's `_check_shape`): parameters may not add axes to the sample.
 */
export function checkBroadcastsTo(where: string, shape: Shape, params: Record<string, Shape>): void {
  for (const [name, paramShape] of Object.entries(params)) {
    const offset = shape.length - paramShape.length;
    if (offset < 0 || paramShape.some((d, i) => d !== 1 && d !== shape[offset + i])) {
      throw new ShapeError(
        `${where}: ${name} of shape ${formatShape(paramShape)} does not broadcast to the sample shape ${formatShape(shape)}`,
      );
    }
  }
}

/** A distribution parameter converted to `dtype` and broadcast to the sample shape. */
export function paramTo(where: string, name: string, value: ArrayLike, shape: Shape, dtype: DType): Array {
  const a = asArray(value, dtype);
  checkBroadcastsTo(where, shape, { [name]: a.shape });
  return broadcastTo(a, shape);
}
