import * as ax from '@addax/core';

/**
 * Makes a parameter array of `shape` from a random key (JAX's `jax.nn.initializers.Initializer`).
 * `dtype` defaults to the one the initializer was built with (float32 unless told otherwise);
 * constant initializers ignore the key.
 *
 * @example
 * ```ts
 * const init: Initializer = nn.initializers.heNormal();
 * const w = init(ax.random.key(0), [784, 128]);
 * ```
 */
export type Initializer = (key: ax.Array, shape: readonly number[], dtype?: ax.DType) => ax.Array;

/** Options every initializer factory takes. */
export interface InitializerOptions {
  /** The default dtype of the arrays the initializer makes; float32 unless given. */
  readonly dtype?: ax.DType;
}

/** Checks `shape` is a list of non-negative integers, naming the initializer on error. */
export function checkShape(where: string, shape: readonly number[]): void {
  if (!globalThis.Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ax.ShapeError(
      `${where}: shape must be a list of non-negative integers, got ${JSON.stringify(shape)}`,
    );
  }
}

/** Checks the dtype of a random initializer: samples are real, and float32 is the real dtype. */
export function checkFloat(where: string, dtype: ax.DType): void {
  if (dtype !== 'float32') {
    throw new ax.DTypeError(`${where}: random initializers make float32 arrays, got dtype ${dtype}`);
  }
}

/** Checks that a numeric parameter is a finite number (and positive where `positive`). */
export function checkNumber(where: string, name: string, value: number, positive = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || (positive && value <= 0)) {
    const what = positive ? 'a positive finite number' : 'a finite number';
    throw new ax.ParameterError(`${where}: ${name} must be ${what}, got ${String(value)}`);
  }
}

/**
 * A random initializer: checks the shape and dtype, then draws `sample(key, shape)` (float32) in a
 * scope that frees its intermediates.
 */
export function randomInitializer(
  where: string,
  defaultDType: ax.DType,
  sample: (key: ax.Array, shape: readonly number[]) => ax.Array,
): Initializer {
  checkFloat(where, defaultDType);
  return (key, shape, dtype = defaultDType) => {
    checkShape(where, shape);
    checkFloat(where, dtype);
    return ax.tidy(() => sample(key, shape));
  };
}
