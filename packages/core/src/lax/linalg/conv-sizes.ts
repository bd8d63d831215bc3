import type { ShapeDtype } from '../../aval.js';
import { ShapeError } from '../../errors.js';
import type { ConvParams } from '../../primitives/params.js';
import { formatShape } from '../../shape.js';
import { windowOutputSize } from './window.js';

/** The sizes of conv's operands and output in canonical order (`[batch, feature, ...spatial]`). */
export interface ConvSizes {
  readonly batch: number;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Input features per group (the kernel's input-feature size). */
  readonly groupInFeatures: number;
  readonly inSpatial: readonly number[];
  readonly kernelSpatial: readonly number[];
  readonly outSpatial: readonly number[];
}

/**
 * Conv's sizes, checked: the ShapeErrors of conv's abstractEval, each naming both operands.
 *
 * @example
 * ```ts
 * convSizes(lhs.aval, rhs.aval, params).outSpatial; // e.g. [3, 3]
 * ```
 */
export function convSizes(lhs: ShapeDtype, rhs: ShapeDtype, p: ConvParams): ConvSizes {
  const both = `lhs ${lhs.describe()} and rhs ${rhs.describe()}`;
  if (lhs.ndim < 2 || lhs.ndim !== rhs.ndim) {
    throw new ShapeError(`conv: ${both} must have one rank of at least 2 ([batch, feature, ...spatial])`);
  }
  const { lhsSpec, rhsSpec } = p.dimensionNumbers;
  const g = p.featureGroupCount;
  const at = (x: ShapeDtype, spec: readonly number[], i: number): number => x.shape[spec[i]!]!;
  const inFeatures = at(lhs, lhsSpec, 1);
  const outFeatures = at(rhs, rhsSpec, 0);
  const groupInFeatures = at(rhs, rhsSpec, 1);
  if (inFeatures !== groupInFeatures * g) {
    throw new ShapeError(
      `conv: ${both}: lhs feature size ${inFeatures} (axis ${lhsSpec[1]}) must equal featureGroupCount ${g} ` +
        `times the rhs input-feature size ${groupInFeatures} (axis ${rhsSpec[1]})`,
    );
  }
  if (outFeatures % g !== 0) {
    throw new ShapeError(
      `conv: ${both}: rhs output-feature size ${outFeatures} (axis ${rhsSpec[0]}) must be divisible by featureGroupCount ${g}`,
    );
  }
  const inSpatial = lhsSpec.slice(2).map((a) => lhs.shape[a]!);
  const kernelSpatial = rhsSpec.slice(2).map((a) => rhs.shape[a]!);
  if (kernelSpatial.includes(0)) {
    throw new ShapeError(
      `conv: ${both}: the kernel's spatial sizes ${formatShape(kernelSpatial)} must be positive`,
    );
  }
  const outSpatial = inSpatial.map((size, i) =>
    windowOutputSize({
      size,
      window: kernelSpatial[i]!,
      stride: p.windowStrides[i]!,
      padding: p.padding[i]!,
      baseDilation: p.lhsDilation[i]!,
      windowDilation: p.rhsDilation[i]!,
    }),
  );
  return {
    batch: at(lhs, lhsSpec, 0),
    inFeatures,
    outFeatures,
    groupInFeatures,
    inSpatial,
    kernelSpatial,
    outSpatial,
  };
}
