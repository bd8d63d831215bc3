import type { Array } from '../../array.js';
import { ShapeDtype } from '../../aval.js';
import { ParameterError } from '../../errors.js';
import { bind1 } from '../../interpreters.js';
import { definePrimitive } from '../../primitive.js';
import type { ConvDimensionNumbers, ConvParams, PrimitiveParams } from '../../primitives/params.js';
import { checkPermutation } from '../../shape.js';
import { convDecompose } from './conv-decompose.js';
import { checkLinalgDTypes } from './dot-general.js';
import { convSizes } from './conv-sizes.js';
import { checkIntList, checkPadding } from './window.js';

function checkSpec(which: keyof ConvDimensionNumbers, spec: readonly number[], x: ShapeDtype): number[] {
  if (!globalThis.Array.isArray(spec)) {
    throw new ParameterError(
      `conv: dimensionNumbers.${which} must be a list of axes, got ${JSON.stringify(spec)}`,
    );
  }
  return checkPermutation(spec, x.ndim, `conv (operand ${x.describe()})`, `dimensionNumbers.${which}`);
}

function convRule(raw: ConvParams, [lhs, rhs]: readonly ShapeDtype[]): ConvParams {
  const n = Math.max(lhs!.ndim - 2, 0);
  const dn = raw.dimensionNumbers;
  const { featureGroupCount } = raw;
  if (!Number.isInteger(featureGroupCount) || featureGroupCount < 1) {
    throw new ParameterError(`conv: featureGroupCount must be a positive integer, got ${featureGroupCount}`);
  }
  return {
    windowStrides: checkIntList('conv', 'windowStrides', raw.windowStrides, n, 1),
    padding: checkPadding('conv', raw.padding, n),
    lhsDilation: checkIntList('conv', 'lhsDilation', raw.lhsDilation, n, 1),
    rhsDilation: checkIntList('conv', 'rhsDilation', raw.rhsDilation, n, 1),
    dimensionNumbers: {
      lhsSpec: checkSpec('lhsSpec', dn.lhsSpec, lhs!),
      rhsSpec: checkSpec('rhsSpec', dn.rhsSpec, rhs!),
      outSpec: checkSpec('outSpec', dn.outSpec, lhs!),
    },
    featureGroupCount,
  };
}

function convEval([lhs, rhs]: readonly ShapeDtype[], p: ConvParams): ShapeDtype[] {
  checkLinalgDTypes('conv', lhs!, rhs!);
  const s = convSizes(lhs!, rhs!, p);
  const canonical = [s.batch, s.outFeatures, ...s.outSpatial];
  const shape = canonical.map(() => 0);
  p.dimensionNumbers.outSpec.forEach((axis, i) => {
    shape[axis] = canonical[i]!;
  });
  return [new ShapeDtype(shape, lhs!.dtype)];
}

export const convP = definePrimitive<PrimitiveParams['conv']>({
  name: 'conv',
  params: convRule,
  abstractEval: convEval,
  decompose: convDecompose,
});

/** Optional parameters of {@link conv}; each defaults to the plain convolution's value. */
export interface ConvOptions {
  /** Per spatial axis; default 1 (no holes in the input). */
  readonly lhsDilation?: readonly number[];
  /** Per spatial axis; default 1 (a dense kernel). */
  readonly rhsDilation?: readonly number[];
  /** Axis permutations; default `[0, 1, 2, ...]` for all three (NCHW, OIHW, NCHW). */
  readonly dimensionNumbers?: ConvDimensionNumbers;
  /** Default 1. */
  readonly featureGroupCount?: number;
}

/**
 * `lax.conv_general_dilated` with explicit padding: an N-d cross-correlation (no kernel flip, as in
 * XLA) of `lhs` `[batch, feature, ...spatial]` with `rhs` `[outFeature, inFeature, ...spatial]`
 * (or the layouts `dimensionNumbers` names). Padding is `[low, high]` per spatial axis and pads with
 * zeros; `lhsDilation` inserts holes into the input (a transposed convolution), `rhsDilation` into
 * the kernel (an atrous one); `featureGroupCount` splits the features into independent groups.
 * The numpy-level `ax.convGeneralDilated` resolves `'SAME'`/`'VALID'` and layout strings.
 *
 * @example
 * ```ts
 * // [1, 1, 5] signal, [1, 1, 3] kernel, stride 2, one zero on each side: output [1, 1, 3]
 * ax.lax.conv(x, w, [2], [[1, 1]]);
 * ```
 */
export function conv(
  lhs: Array,
  rhs: Array,
  windowStrides: readonly number[],
  padding: readonly (readonly [number, number])[],
  options: ConvOptions = {},
): Array {
  const n = Math.max(lhs.ndim - 2, 0);
  const ones = globalThis.Array.from({ length: n }, () => 1);
  const identity = (x: Array): number[] => globalThis.Array.from({ length: x.ndim }, (_, i) => i);
  const dn = options.dimensionNumbers;
  return bind1(convP, [lhs, rhs], {
    windowStrides: [...windowStrides],
    padding: padding.map(([lo, hi]) => [lo, hi] as const),
    lhsDilation: [...(options.lhsDilation ?? ones)],
    rhsDilation: [...(options.rhsDilation ?? ones)],
    dimensionNumbers: {
      lhsSpec: [...(dn?.lhsSpec ?? identity(lhs))],
      rhsSpec: [...(dn?.rhsSpec ?? identity(rhs))],
      outSpec: [...(dn?.outSpec ?? identity(lhs))],
    },
    featureGroupCount: options.featureGroupCount ?? 1,
  });
}
