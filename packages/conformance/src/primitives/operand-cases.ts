import fc from 'fast-check';
import type * as ax from '@addax/core';
import { dtypeArb } from '../arbitraries/dtypes.js';
import { shapeArb } from '../arbitraries/shapes.js';
import { hostArrayArb, type Domain } from '../arbitraries/values.js';
import type { Case } from './spec.js';

/**
 * Cases of a one-operand primitive: a dtype from `dtypes`, a shape, values (float32 ones from
 * `floats`), and parameters that depend on the shape.
 *
 * @example
 * ```ts
 * operandCases(['float32'], {}, (s) => permutationArb(s.length).map((permutation) => ({ permutation })));
 * ```
 */
export function operandCases(
  dtypes: readonly ax.DType[],
  floats: Domain,
  params: (shape: number[]) => fc.Arbitrary<object>,
  shape: fc.Arbitrary<number[]> = shapeArb(),
): fc.Arbitrary<Case> {
  return fc
    .tuple(dtypeArb(dtypes), shape)
    .chain(([dtype, s]) =>
      fc
        .tuple(hostArrayArb(dtype, s, dtype === 'float32' ? floats : {}), params(s))
        .map(([x, p]): Case => ({ operands: [x], params: p })),
    );
}
