import type { Array, ArrayLike } from '../../array.js';
import { op } from '../../eager.js';
import { ParameterError } from '../../errors.js';
import { conv as laxConv } from '../../lax/linalg.js';
import { asArray, promotedDType } from '../convert.js';
import { convDimensionNumbers, type ConvLayout } from './dimension-numbers.js';
import { resolvePadding, type WindowPadding } from './padding.js';

/** Options of {@link convGeneralDilated}. */
export interface ConvGeneralDilatedOptions {
  /** Per spatial axis, holes inserted between input elements (a transposed convolution); default 1. */
  readonly lhsDilation?: readonly number[];
  /** Per spatial axis, holes inserted between kernel taps (an atrous convolution); default 1. */
  readonly rhsDilation?: readonly number[];
  /** Layouts, e.g. `['NHWC', 'HWIO', 'NHWC']`; default NCHW / OIHW / NCHW. */
  readonly dimensionNumbers?: ConvLayout;
  /** Independent feature groups (the input-feature count of `rhs` times this is `lhs`'s); default 1. */
  readonly featureGroupCount?: number;
}

/**
 * `jax.lax.conv_general_dilated`: an N-d cross-correlation (the kernel is not flipped) of `lhs`
 * with the kernel `rhs`. `windowStrides`, explicit padding and the dilations are per spatial axis,
 * in the order the kernel layout lists them. `'SAME'` pads so that `out = ceil(in / stride)` (the
 * smaller half before), `'VALID'` not at all; as in JAX, string padding with an lhs dilation is an
 * error (give the pairs). The operands are promoted to one dtype.
 *
 * @example
 * ```ts
 * // NHWC images [8, 28, 28, 3], HWIO kernel [3, 3, 3, 16] -> [8, 14, 14, 16]
 * ax.convGeneralDilated(x, w, [2, 2], 'SAME', { dimensionNumbers: ['NHWC', 'HWIO', 'NHWC'] });
 * ```
 */
export const convGeneralDilated = op(
  (
    lhs: ArrayLike,
    rhs: ArrayLike,
    windowStrides: readonly number[],
    padding: WindowPadding,
    options: ConvGeneralDilatedOptions = {},
  ): Array => {
    const where = 'convGeneralDilated';
    const d = promotedDType([lhs, rhs]);
    const x = asArray(lhs, d);
    const w = asArray(rhs, d);
    const dn = convDimensionNumbers(where, options.dimensionNumbers, x.ndim, w.ndim);
    const { lhsDilation, rhsDilation } = options;
    if (typeof padding === 'string' && lhsDilation?.some((v) => v !== 1)) {
      throw new ParameterError(
        `${where}: padding '${padding}' is not defined with lhsDilation [${lhsDilation.join(', ')}]; give explicit [low, high] pairs`,
      );
    }
    const sizes = dn.lhsSpec.slice(2).map((a) => x.shape[a] ?? 0);
    const windows = dn.rhsSpec.slice(2).map((a, i) => ((w.shape[a] ?? 1) - 1) * (rhsDilation?.[i] ?? 1) + 1);
    return laxConv(x, w, windowStrides, resolvePadding(where, padding, sizes, windows, windowStrides), {
      ...(lhsDilation ? { lhsDilation } : {}),
      ...(rhsDilation ? { rhsDilation } : {}),
      dimensionNumbers: dn,
      featureGroupCount: options.featureGroupCount ?? 1,
    });
  },
);

/**
 * `jax.lax.conv`: {@link convGeneralDilated} with NCHW input, OIHW kernel and no dilation.
 *
 * @example
 * ```ts
 * ax.conv(ax.ones([1, 1, 5, 5]), ax.ones([2, 1, 3, 3]), [1, 1], 'VALID').shape; // [1, 2, 3, 3]
 * ```
 */
export const conv = op(
  (lhs: ArrayLike, rhs: ArrayLike, windowStrides: readonly number[], padding: WindowPadding): Array =>
    convGeneralDilated(lhs, rhs, windowStrides, padding),
);
