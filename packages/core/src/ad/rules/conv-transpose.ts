import type { Array } from '../../array.js';
import type { ShapeDtype } from '../../aval.js';
import { conv } from '../../lax/linalg.js';
import { rev } from '../../lax/shape.js';
import type { ConvParams } from '../../primitives/params.js';
import { reshapeAxisInto, reshapeAxisOutOf } from './conv-axes.js';
import { vjpKernelPadding, vjpOperandPadding, type WindowGeometry } from './window-padding.js';

/** A conv spec with its first two roles (batch and feature, or out and in feature) swapped. */
function swapRoles(spec: readonly number[]): number[] {
  return [spec[1]!, spec[0]!, ...spec.slice(2)];
}

function geometry(lhs: ShapeDtype, rhs: ShapeDtype, out: ShapeDtype, p: ConvParams): WindowGeometry {
  const spatial = (x: ShapeDtype, spec: readonly number[]): number[] => spec.slice(2).map((a) => x.shape[a]!);
  const { lhsSpec, rhsSpec, outSpec } = p.dimensionNumbers;
  return {
    inShape: spatial(lhs, lhsSpec),
    windowShape: spatial(rhs, rhsSpec),
    outShape: spatial(out, outSpec),
    strides: p.windowStrides,
    padding: p.padding,
    baseDilation: p.lhsDilation,
    windowDilation: p.rhsDilation,
  };
}

/**
 * The cotangent of conv's lhs (JAX's `_conv_general_dilated_transpose_lhs`): the cotangent
 * convolved with the spatially flipped kernel whose feature roles are swapped, the forward strides
 * becoming lhs dilation. With feature groups the group moves from the kernel's output features to
 * its input features, so each group's cotangent meets only that group's taps.
 *
 * @example
 * ```ts
 * convTransposeLhs(ct, rhs, lhs.aval, params).shape; // lhs.shape
 * ```
 */
export function convTransposeLhs(ct: Array, rhs: Array, lhs: ShapeDtype, p: ConvParams): Array {
  const { lhsSpec, rhsSpec, outSpec } = p.dimensionNumbers;
  const g = p.featureGroupCount;
  const kernel =
    g > 1 ? reshapeAxisInto(rhsSpec[0]!, rhsSpec[1]!, reshapeAxisOutOf(rhsSpec[0]!, g, rhs)) : rhs;
  return conv(
    ct,
    rev(kernel, rhsSpec.slice(2)),
    p.lhsDilation,
    vjpOperandPadding(geometry(lhs, rhs.aval, ct.aval, p)),
    {
      lhsDilation: p.windowStrides,
      rhsDilation: p.rhsDilation,
      dimensionNumbers: { lhsSpec: outSpec, rhsSpec: swapRoles(rhsSpec), outSpec: lhsSpec },
      featureGroupCount: g,
    },
  );
}

/**
 * The cotangent of conv's rhs (JAX's `_conv_general_dilated_transpose_rhs`): lhs, read with batch
 * and features swapped, convolved with the cotangent as the kernel, the forward strides becoming
 * kernel dilation. XLA does grouped convs here with a batch group count, which conv lacks; moving
 * the group from lhs's features into its batch axis (read as features) makes it a feature group.
 *
 * @example
 * ```ts
 * convTransposeRhs(ct, lhs, rhs.aval, params).shape; // rhs.shape
 * ```
 */
export function convTransposeRhs(ct: Array, lhs: Array, rhs: ShapeDtype, p: ConvParams): Array {
  const { lhsSpec, rhsSpec, outSpec } = p.dimensionNumbers;
  const g = p.featureGroupCount;
  const input =
    g > 1 ? reshapeAxisInto(lhsSpec[1]!, lhsSpec[0]!, reshapeAxisOutOf(lhsSpec[1]!, g, lhs)) : lhs;
  return conv(input, ct, p.rhsDilation, vjpKernelPadding(geometry(lhs.aval, rhs, ct.aval, p)), {
    lhsDilation: p.lhsDilation,
    rhsDilation: p.windowStrides,
    dimensionNumbers: {
      lhsSpec: swapRoles(lhsSpec),
      rhsSpec: swapRoles(outSpec),
      outSpec: swapRoles(rhsSpec),
    },
    featureGroupCount: g,
  });
}
