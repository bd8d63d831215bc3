import type { Array } from '../../array.js';
import { ShapeDtype } from '../../aval.js';
import { AddaxError } from '../../errors.js';
import { conv, dotGeneral, reduceWindowMax, reduceWindowSum } from '../../lax/linalg.js';
import { pad } from '../../lax/shape.js';
import { scalar } from '../../creation.js';
import { Zero, type JvpRule, type TransposeRule } from '../../primitive.js';
import type { ConvParams, DotGeneralParams } from '../../primitives/params.js';
import { addCotangents } from '../transpose.js';
import { convTransposeLhs, convTransposeRhs } from './conv-transpose.js';
import { dotTransposeLhs, dotTransposeRhs } from './linalg-dot.js';
import type { JvpTable, TransposeTable } from './types.js';
import { windowMaxTangent } from './window-max-tangent.js';
import { vjpOperandPadding } from './window-padding.js';

type Bilinear<P> = (lhs: Array, rhs: Array, params: P) => Array;

/** A bilinear primitive's jvp: `op(tLhs, rhs) + op(lhs, tRhs)`, each term dropped for a zero tangent. */
function bilinearJvp<P>(op: Bilinear<P>): JvpRule<P> {
  return ([lhs, rhs], [tLhs, tRhs], p) => {
    const fromLhs = tLhs instanceof Zero ? tLhs : op(tLhs!, rhs!, p);
    const fromRhs = tRhs instanceof Zero ? tRhs : op(lhs!, tRhs!, p);
    return [[op(lhs!, rhs!, p)], [addCotangents(fromLhs, fromRhs)]];
  };
}

/**
 * A bilinear primitive's transpose: exactly one operand may be linear (both would make the
 * program quadratic in its tangents); its cotangent comes from `lhsRule` or `rhsRule`.
 */
function bilinearTranspose<P>(
  name: string,
  lhsRule: (ct: Array, rhs: Array, lhs: ShapeDtype, p: P) => Array,
  rhsRule: (ct: Array, lhs: Array, rhs: ShapeDtype, p: P) => Array,
): TransposeRule<P> {
  return ([ct], [lhs, rhs], p) => {
    if (lhs instanceof ShapeDtype === rhs instanceof ShapeDtype) {
      throw new AddaxError(
        `${name} transpose: exactly one operand must be linear, but ${lhs instanceof ShapeDtype ? 'both are' : 'neither is'}` +
          ` (lhs ${lhs!.toString()}, rhs ${rhs!.toString()}); the program is not linear in its tangent inputs`,
      );
    }
    const linear = lhs instanceof ShapeDtype ? lhs : (rhs as ShapeDtype);
    if (ct instanceof Zero || ct!.size === 0) {
      return lhs instanceof ShapeDtype ? [new Zero(linear), null] : [null, new Zero(linear)];
    }
    if (lhs instanceof ShapeDtype) return [lhsRule(ct!, rhs as Array, lhs, p), null];
    return [null, rhsRule(ct!, lhs!, rhs as ShapeDtype, p)];
  };
}

const dot: Bilinear<DotGeneralParams> = (lhs, rhs, p) => dotGeneral(lhs, rhs, p.contractingDims, p.batchDims);
const convolve: Bilinear<ConvParams> = (lhs, rhs, p) => conv(lhs, rhs, p.windowStrides, p.padding, p);

export const linalgJvps = {
  dotGeneral: bilinearJvp(dot),
  conv: bilinearJvp(convolve),
  reduceWindowSum: ([x], [t], p) => {
    const out = reduceWindowSum(x!, p);
    return [[out], [t instanceof Zero ? new Zero(out.aval) : reduceWindowSum(t!, p)]];
  },
  reduceWindowMax: ([x], [t], p) => {
    const out = reduceWindowMax(x!, p);
    const zero = t instanceof Zero || out.size === 0;
    return [[out], [zero ? new Zero(out.aval) : windowMaxTangent(x!, out, t as Array, p)]];
  },
} satisfies JvpTable<'dotGeneral' | 'conv' | 'reduceWindowSum' | 'reduceWindowMax'>;

export const linalgTransposes = {
  dotGeneral: bilinearTranspose('dotGeneral', dotTransposeLhs, dotTransposeRhs),
  conv: bilinearTranspose('conv', convTransposeLhs, convTransposeRhs),
  // JAX's `_reduce_window_sum_transpose_rule`: every operand element receives the sum of the
  // cotangents of the windows it is in, a window sum over the stride-dilated, padded cotangent.
  reduceWindowSum: ([ct], [x], p) => {
    const aval = x as ShapeDtype;
    if (ct instanceof Zero || ct!.size === 0) return [new Zero(aval)];
    const padding = vjpOperandPadding({
      inShape: aval.shape,
      windowShape: p.windowDimensions,
      outShape: ct!.shape,
      strides: p.windowStrides,
      padding: p.padding,
      baseDilation: p.baseDilation,
      windowDilation: p.windowDilation,
    });
    const spread = pad(
      ct!,
      scalar(0, ct!.dtype),
      padding.map(([lo, hi], i) => [lo, hi, p.windowStrides[i]! - 1] as const),
    );
    return [
      reduceWindowSum(spread, {
        windowDimensions: p.windowDimensions,
        windowStrides: p.baseDilation,
        windowDilation: p.windowDilation,
      }),
    ];
  },
} satisfies TransposeTable<'dotGeneral' | 'conv' | 'reduceWindowSum'>;
