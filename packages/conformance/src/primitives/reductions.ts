import fc from 'fast-check';
import type * as ax from '@addax/core';
import { axesArb, axisArb } from '../arbitraries/axes.js';
import { dtypeArb, NUMERIC } from '../arbitraries/dtypes.js';
import { operandCases } from './operand-cases.js';
import { shapeArb } from '../arbitraries/shapes.js';
import { hostArrayArb, type Domain } from '../arbitraries/values.js';
import { EXACT, PRODUCT, SUM, type Tolerance } from '../tolerance.js';
import { MULTIPLIABLE, SUMMABLE, TIES, tiesFor } from './domains.js';
import type { Case, PrimitiveSpec } from './spec.js';

const sizeOf = (shape: readonly number[], axes: readonly number[]): number =>
  axes.reduce((n, a) => n * shape[a]!, 1);

/**
 * Any subset of the axes, with the size-0 axes added three times in four: an empty reduction
 * (whose result is the reduction's identity) is where reduction kernels go wrong.
 */
function reductionAxesArb(shape: readonly number[]): fc.Arbitrary<number[]> {
  const empty = shape.flatMap((d, a) => (d === 0 ? [a] : []));
  return fc
    .tuple(axesArb(shape.length), fc.integer({ min: 0, max: 3 }))
    .map(([axes, k]) => (k === 0 ? axes : [...new Set([...axes, ...empty])].sort((a, b) => a - b)));
}

/** A reduction over a subset of the axes (all, none, or some), size-0 axes one in five. */
function reduction(
  name: string,
  dtypes: readonly ax.DType[],
  tolerance: Tolerance,
  floats: Domain,
): PrimitiveSpec {
  const params = (s: number[]): fc.Arbitrary<object> => reductionAxesArb(s).map((axes) => ({ axes }));
  return {
    name,
    cases: operandCases(dtypes, floats, params, shapeArb({ zeroSize: 0.2 })),
    tolerance,
    terms: (c) => sizeOf(c.operands[0]!.shape, (c.params as ax.AxesParams).axes),
    domain: 'ranks 0-3, any subset of axes, empty reductions (size-0 axes) often',
  };
}

/** Shapes with an axis of size at least 1 to reduce along. */
const nonEmptyAxisShape = shapeArb({ minRank: 1 }).filter((s) => s.some((d) => d > 0));

function argReduction(name: string): PrimitiveSpec {
  const params = (s: number[]): fc.Arbitrary<object> =>
    fc
      .constantFrom(...s.flatMap((d, a) => (d > 0 ? [a] : [])))
      .map((axis) => ({ axis, indexDtype: 'int32' }));
  return {
    name,
    cases: operandCases(NUMERIC, TIES, params, nonEmptyAxisShape),
    tolerance: EXACT,
    domain: 'ties, NaN and infinities (the first index wins; NaN counts as the extreme)',
  };
}

function cumsumSpec(): PrimitiveSpec {
  const params = (s: number[]): fc.Arbitrary<object> =>
    fc.record({ axis: axisArb(s.length), reverse: fc.boolean() });
  return {
    name: 'cumsum',
    cases: operandCases(NUMERIC, SUMMABLE, params, shapeArb({ minRank: 1 })),
    tolerance: SUM,
    terms: (c) => c.operands[0]!.shape[(c.params as ax.CumulativeParams).axis]!,
    domain: 'ranks 1-3, any axis, both directions',
  };
}

/** One to three operands of one shape (each of any dtype), sorted by the first `numKeys`. */
function sortSpec(): PrimitiveSpec {
  const cases = fc
    .tuple(shapeArb({ minRank: 1 }), fc.array(dtypeArb(), { minLength: 1, maxLength: 3 }))
    .chain(([shape, dtypes]) =>
      fc
        .tuple(
          fc.tuple(...dtypes.map((d) => hostArrayArb(d, shape, tiesFor(d)))),
          axisArb(shape.length),
          fc.integer({ min: 1, max: dtypes.length }),
        )
        .map(([operands, dimension, numKeys]): Case => ({ operands, params: { dimension, numKeys } })),
    );
  return {
    name: 'sort',
    cases,
    tolerance: EXACT,
    domain: 'one to three operands of any dtypes with many ties (stability), NaN (sorts last), -0 and 0',
  };
}

/**
 * Reductions, arg-reductions, cumulative sums and sort. Sums may be added in any order (the `sum`
 * tolerance), products likewise (`product`); maxima, minima, indices and sorting are exact.
 */
export const REDUCTION_SPECS: readonly PrimitiveSpec[] = [
  reduction('reduceSum', NUMERIC, SUM, SUMMABLE),
  reduction('reduceMax', NUMERIC, EXACT, {}),
  reduction('reduceMin', NUMERIC, EXACT, {}),
  reduction('reduceProd', NUMERIC, PRODUCT, MULTIPLIABLE),
  reduction('reduceAnd', ['bool'], EXACT, {}),
  reduction('reduceOr', ['bool'], EXACT, {}),
  argReduction('argmax'),
  argReduction('argmin'),
  cumsumSpec(),
  sortSpec(),
];
