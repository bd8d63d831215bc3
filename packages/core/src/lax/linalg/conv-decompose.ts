import type { Array } from '../../array.js';
import { full, scalar } from '../../creation.js';
import type { ConvParams } from '../../primitives/params.js';
import { sizeOf } from '../../shape.js';
import { add } from '../elementwise.js';
import { pad, reshape, slice, transpose } from '../shape.js';
import { convSizes } from './conv-sizes.js';
import { dotGeneral } from './dot-general.js';
import { boxPoints, inversePermutation } from './window.js';

/**
 * Conv without a conv kernel: the input is padded (lhs dilation is interior padding), and for each
 * kernel offset a strided slice of it is contracted with that kernel tap by dotGeneral, batched over
 * the feature groups; the per-offset results are summed.
 *
 * @example
 * ```ts
 * const [out] = convDecompose([lhs, rhs], params); // what a backend without a conv kernel runs
 * ```
 */
export function convDecompose([lhs, rhs]: readonly Array[], p: ConvParams): Array[] {
  const s = convSizes(lhs!.aval, rhs!.aval, p);
  const { lhsSpec, rhsSpec, outSpec } = p.dimensionNumbers;
  const n = s.inSpatial.length;
  const g = p.featureGroupCount;
  const groupOut = s.outFeatures / g;
  const outShape = [s.batch, s.outFeatures, ...s.outSpatial];
  const toOutLayout = inversePermutation(outSpec);
  if (sizeOf(outShape) === 0) {
    return [
      full(
        toOutLayout.map((a) => outShape[a]!),
        0,
        lhs!.dtype,
      ),
    ];
  }
  const padded = pad(transpose(lhs!, lhsSpec), scalar(0, lhs!.dtype), [
    [0, 0, 0],
    [0, 0, 0],
    ...p.padding.map(([lo, hi], i) => [lo, hi, p.lhsDilation[i]! - 1] as [number, number, number]),
  ]);
  const x = reshape(padded, [s.batch, g, s.groupInFeatures, ...padded.shape.slice(2)]);
  const w = reshape(transpose(rhs!, rhsSpec), [g, groupOut, s.groupInFeatures, ...s.kernelSpatial]);
  let sum: Array | undefined;
  for (const offset of boxPoints(s.kernelSpatial)) {
    const start = offset.map((k, i) => k * p.rhsDilation[i]!);
    const patch = slice(
      x,
      [0, 0, 0, ...start],
      [...x.shape.slice(0, 3), ...start.map((b, i) => b + (s.outSpatial[i]! - 1) * p.windowStrides[i]! + 1)],
      [1, 1, 1, ...p.windowStrides],
    );
    const tap = reshape(
      slice(w, [0, 0, 0, ...offset], [...w.shape.slice(0, 3), ...offset.map((k) => k + 1)]),
      [g, groupOut, s.groupInFeatures],
    );
    // [g, batch, ...outSpatial, groupOut]
    const term = dotGeneral(patch, tap, [[2], [2]], [[1], [0]]);
    sum = sum === undefined ? term : add(sum, term);
  }
  const spatialAxes = globalThis.Array.from({ length: n }, (_, i) => i + 2);
  const canonical = reshape(transpose(sum!, [1, 0, n + 2, ...spatialAxes]), outShape);
  return [transpose(canonical, toOutLayout)];
}
