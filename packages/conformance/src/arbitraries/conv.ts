import fc from 'fast-check';
import type * as ax from '@addax/core';
import { permutationArb } from './axes.js';
import { sizeUpTo } from './shapes.js';

/** Operand shapes and parameters of one `conv`. */
export interface ConvCase {
  readonly lhsShape: number[];
  readonly rhsShape: number[];
  readonly params: ax.ConvParams;
}

const perSpatial = <T>(n: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.array(arb, { minLength: n, maxLength: n });

/** `sizes` given in canonical order, laid out along the axes `spec` names. */
function layout(sizes: readonly number[], spec: readonly number[]): number[] {
  const shape = sizes.map(() => 0);
  spec.forEach((axis, i) => {
    shape[axis] = sizes[i]!;
  });
  return shape;
}

/**
 * `conv` cases: one or two spatial axes, strides 1-2, padding -1 to 2 a side, input and kernel
 * dilation 1-2, one or two feature groups, a batch of 0 to 2, and any layout of the three
 * operands' axes (the dimension numbers).
 *
 * @example
 * ```ts
 * fc.sample(convArb(), 1)[0].params.featureGroupCount; // 1 or 2
 * ```
 */
export function convArb(): fc.Arbitrary<ConvCase> {
  return fc.integer({ min: 1, max: 2 }).chain((n) =>
    fc
      .record({
        batch: sizeUpTo(2),
        groups: fc.integer({ min: 1, max: 2 }),
        inPerGroup: fc.integer({ min: 1, max: 2 }),
        outPerGroup: fc.integer({ min: 1, max: 2 }),
        spatial: perSpatial(n, fc.integer({ min: 1, max: 5 })),
        kernel: perSpatial(n, fc.integer({ min: 1, max: 3 })),
        windowStrides: perSpatial(n, fc.integer({ min: 1, max: 2 })),
        padding: perSpatial(n, fc.tuple(fc.integer({ min: -1, max: 2 }), fc.integer({ min: -1, max: 2 }))),
        lhsDilation: perSpatial(n, fc.integer({ min: 1, max: 2 })),
        rhsDilation: perSpatial(n, fc.integer({ min: 1, max: 2 })),
        lhsSpec: permutationArb(n + 2),
        rhsSpec: permutationArb(n + 2),
        outSpec: permutationArb(n + 2),
      })
      .map((c) => ({
        lhsShape: layout([c.batch, c.groups * c.inPerGroup, ...c.spatial], c.lhsSpec),
        rhsShape: layout([c.groups * c.outPerGroup, c.inPerGroup, ...c.kernel], c.rhsSpec),
        params: {
          windowStrides: c.windowStrides,
          padding: c.padding,
          lhsDilation: c.lhsDilation,
          rhsDilation: c.rhsDilation,
          dimensionNumbers: { lhsSpec: c.lhsSpec, rhsSpec: c.rhsSpec, outSpec: c.outSpec },
          featureGroupCount: c.groups,
        },
      })),
  );
}

/**
 * `reduceWindowSum`/`reduceWindowMax` parameters for an operand of `shape`: per axis a window of
 * 1-3, stride 1-2, padding 0-2 a side, and base and window dilation 1-2.
 *
 * @example
 * ```ts
 * fc.sample(reduceWindowArb([4, 4]), 1)[0].windowDimensions; // e.g. [2, 3]
 * ```
 */
export function reduceWindowArb(shape: readonly number[]): fc.Arbitrary<ax.ReduceWindowParams> {
  const n = shape.length;
  const small = (min: number, max: number): fc.Arbitrary<number[]> => perSpatial(n, fc.integer({ min, max }));
  return fc.record({
    windowDimensions: small(1, 3),
    windowStrides: small(1, 2),
    padding: perSpatial(n, fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }))),
    baseDilation: small(1, 2),
    windowDilation: small(1, 2),
  });
}
