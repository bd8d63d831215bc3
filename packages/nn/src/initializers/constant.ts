import * as ax from '@addax/core';
import { checkShape, type Initializer, type InitializerOptions } from './initializer.js';

/**
 * Builds an initializer that fills arrays with `value` (JAX's `initializers.constant`); an array
 * value is broadcast to the requested shape. The key is ignored.
 *
 * @example
 * ```ts
 * nn.initializers.constant(-7)(ax.random.key(0), [2, 3]); // [[-7, -7, -7], [-7, -7, -7]]
 * nn.initializers.constant(1, { dtype: 'int32' })(ax.random.key(0), [2]); // [1, 1] int32
 * ```
 */
export function constant(value: ax.ArrayLike, options: InitializerOptions = {}): Initializer {
  const defaultDType = options.dtype ?? 'float32';
  return (_key, shape, dtype = defaultDType) => {
    checkShape('constant', shape);
    if (!(value instanceof ax.Array)) return ax.full(shape, value, dtype);
    return ax.tidy(() => ax.broadcastTo(value.astype(dtype), shape));
  };
}

/**
 * An initializer of zeros (JAX's `initializers.zeros`, itself an initializer, not a factory). The
 * key is ignored; any dtype is allowed.
 *
 * @example
 * ```ts
 * nn.initializers.zeros(ax.random.key(0), [2, 3]); // float32 zeros
 * ```
 */
export const zeros: Initializer = constant(0);

/**
 * An initializer of ones (JAX's `initializers.ones`). The key is ignored; any dtype is allowed.
 *
 * @example
 * ```ts
 * nn.initializers.ones(ax.random.key(0), [3], 'int32'); // [1, 1, 1] int32
 * ```
 */
export const ones: Initializer = constant(1);
