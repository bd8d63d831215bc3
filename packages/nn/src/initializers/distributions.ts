import * as ax from '@addax/core';
import { checkNumber, randomInitializer, type Initializer, type InitializerOptions } from './initializer.js';

/**
 * Builds an initializer of normal samples with mean 0 and standard deviation `stddev` (JAX's
 * `initializers.normal`).
 *
 * @example
 * ```ts
 * const w = nn.initializers.normal(0.1)(ax.random.key(0), [64, 32]);
 * ```
 */
export function normal(stddev = 1e-2, options: InitializerOptions = {}): Initializer {
  const where = 'initializers.normal';
  checkNumber(where, 'stddev', stddev);
  return randomInitializer(where, options.dtype ?? 'float32', (key, shape) =>
    ax.random.normal(key, shape).mul(stddev),
  );
}

/**
 * Builds an initializer of samples uniform on `[0, scale)` (JAX's `initializers.uniform`: note the
 * range starts at 0, not at `-scale`).
 *
 * @example
 * ```ts
 * const b = nn.initializers.uniform(0.5)(ax.random.key(0), [10]); // values in [0, 0.5)
 * ```
 */
export function uniform(scale = 1e-2, options: InitializerOptions = {}): Initializer {
  const where = 'initializers.uniform';
  checkNumber(where, 'scale', scale);
  return randomInitializer(where, options.dtype ?? 'float32', (key, shape) =>
    ax.random.uniform(key, shape).mul(scale),
  );
}

/** Options of {@link truncatedNormal}. */
export interface TruncatedNormalOptions extends InitializerOptions {
  /** Lower truncation bound in units of `stddev`; default -2. */
  readonly lower?: number;
  /** Upper truncation bound in units of `stddev`; default 2. */
  readonly upper?: number;
}

/**
 * Builds an initializer of normal samples truncated to `(lower * stddev, upper * stddev)` (JAX's
 * `initializers.truncated_normal`). `stddev` is that of the normal before truncation: unlike
 * `varianceScaling`, no correction is applied, so the samples' standard deviation is smaller.
 *
 * @example
 * ```ts
 * const w = nn.initializers.truncatedNormal(0.02)(ax.random.key(0), [512, 512]); // |w| < 0.04
 * ```
 */
export function truncatedNormal(stddev = 1e-2, options: TruncatedNormalOptions = {}): Initializer {
  const where = 'initializers.truncatedNormal';
  const { lower = -2, upper = 2 } = options;
  checkNumber(where, 'stddev', stddev);
  checkNumber(where, 'lower', lower);
  checkNumber(where, 'upper', upper);
  if (!(lower < upper)) {
    throw new ax.ParameterError(`${where}: lower (${lower}) must be less than upper (${upper})`);
  }
  return randomInitializer(where, options.dtype ?? 'float32', (key, shape) =>
    ax.random.truncatedNormal(key, lower, upper, shape).mul(stddev),
  );
}
