import * as ax from '@addax/core';
import { computeFans, type FanAxes } from './fans.js';
import { checkNumber, randomInitializer, type Initializer, type InitializerOptions } from './initializer.js';

/** Which fan divides the scale: inputs, outputs, or their mean. */
export type FanMode = 'fanIn' | 'fanOut' | 'fanAvg';

/** The distribution {@link varianceScaling} draws from. */
export type VarianceDistribution = 'truncatedNormal' | 'normal' | 'uniform';

/** Options of {@link varianceScaling} and the initializers built on it. */
export interface VarianceScalingOptions extends FanAxes, InitializerOptions {}

const MODES: readonly FanMode[] = ['fanIn', 'fanOut', 'fanAvg'];
const DISTRIBUTIONS: readonly VarianceDistribution[] = ['truncatedNormal', 'normal', 'uniform'];

/** The standard deviation of a standard normal truncated to (-2, 2), as JAX writes it. */
const TRUNCATED_STDDEV = 0.87962566103423978;

function build(
  where: string,
  scale: number,
  mode: FanMode,
  distribution: VarianceDistribution,
  options: VarianceScalingOptions,
): Initializer {
  checkNumber(where, 'scale', scale, true);
  if (!MODES.includes(mode)) {
    throw new ax.ParameterError(`${where}: mode must be one of ${MODES.join(', ')}, got ${String(mode)}`);
  }
  if (!DISTRIBUTIONS.includes(distribution)) {
    throw new ax.ParameterError(
      `${where}: distribution must be one of ${DISTRIBUTIONS.join(', ')}, got ${String(distribution)}`,
    );
  }
  return randomInitializer(where, options.dtype ?? 'float32', (key, shape) => {
    const { fanIn, fanOut } = computeFans(shape, options, where);
    const fan = mode === 'fanIn' ? fanIn : mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const stddev = Math.sqrt(scale / fan);
    if (distribution === 'normal') return ax.random.normal(key, shape).mul(stddev);
    if (distribution === 'uniform') {
      // Uniform on [-a, a) has variance a^2 / 3.
      return ax.random.uniform(key, shape, { minval: -1 }).mul(Math.sqrt(3) * stddev);
    }
    return ax.random.truncatedNormal(key, -2, 2, shape).mul(stddev / TRUNCATED_STDDEV);
  });
}

/**
 * Builds an initializer whose samples have variance `scale / n`, where `n` is the fan-in, the
 * fan-out or their mean (`mode`), computed by {@link computeFans} from the weight shape and the
 * axes in `options` (JAX's `initializers.variance_scaling`). `truncatedNormal` samples a normal
 * truncated at two standard deviations, rescaled so that the variance after truncation is `scale / n`;
 * `uniform` samples `[-sqrt(3 scale / n), sqrt(3 scale / n))`.
 *
 * @example
 * ```ts
 * const init = nn.initializers.varianceScaling(2, 'fanIn', 'normal');
 * init(ax.random.key(0), [3, 3, 16, 32]); // HWIO conv kernel: variance 2 / (3 * 3 * 16)
 * ```
 */
export function varianceScaling(
  scale: number,
  mode: FanMode,
  distribution: VarianceDistribution,
  options: VarianceScalingOptions = {},
): Initializer {
  return build('initializers.varianceScaling', scale, mode, distribution, options);
}

/** A named specialisation of {@link varianceScaling}, so its errors carry its own name. */
function preset(
  name: string,
  scale: number,
  mode: FanMode,
  distribution: VarianceDistribution,
): (options?: VarianceScalingOptions) => Initializer {
  return (options = {}) => build(`initializers.${name}`, scale, mode, distribution, options);
}

/**
 * Glorot (Xavier) uniform: {@link varianceScaling} with scale 1, `fanAvg`, `uniform`.
 *
 * @example
 * ```ts
 * const w = nn.initializers.glorotUniform()(ax.random.key(0), [784, 128]);
 * ```
 */
export const glorotUniform = preset('glorotUniform', 1, 'fanAvg', 'uniform');

/**
 * Glorot (Xavier) normal: {@link varianceScaling} with scale 1, `fanAvg`, `truncatedNormal` (as in
 * JAX, the truncated normal).
 *
 * @example
 * ```ts
 * const w = nn.initializers.glorotNormal()(ax.random.key(0), [784, 128]);
 * ```
 */
export const glorotNormal = preset('glorotNormal', 1, 'fanAvg', 'truncatedNormal');

/**
 * He (Kaiming) uniform: {@link varianceScaling} with scale 2, `fanIn`, `uniform`.
 *
 * @example
 * ```ts
 * const k = nn.initializers.heUniform()(ax.random.key(0), [3, 3, 1, 8]);
 * ```
 */
export const heUniform = preset('heUniform', 2, 'fanIn', 'uniform');

/**
 * He (Kaiming) normal: {@link varianceScaling} with scale 2, `fanIn`, `truncatedNormal`.
 *
 * @example
 * ```ts
 * const k = nn.initializers.heNormal()(ax.random.key(0), [3, 3, 1, 8]);
 * ```
 */
export const heNormal = preset('heNormal', 2, 'fanIn', 'truncatedNormal');

/**
 * LeCun uniform: {@link varianceScaling} with scale 1, `fanIn`, `uniform`.
 *
 * @example
 * ```ts
 * const w = nn.initializers.lecunUniform()(ax.random.key(0), [64, 64]);
 * ```
 */
export const lecunUniform = preset('lecunUniform', 1, 'fanIn', 'uniform');

/**
 * LeCun normal: {@link varianceScaling} with scale 1, `fanIn`, `truncatedNormal`.
 *
 * @example
 * ```ts
 * const w = nn.initializers.lecunNormal()(ax.random.key(0), [64, 64]);
 * ```
 */
export const lecunNormal = preset('lecunNormal', 1, 'fanIn', 'truncatedNormal');
