import fc from 'fast-check';
import type * as ax from '@addax/core';
import { dtypeArb, NUMERIC } from '../arbitraries/dtypes.js';
import { convArb, reduceWindowArb } from '../arbitraries/conv.js';
import { dotGeneralArb } from '../arbitraries/dot.js';
import { hostArrayArb } from '../arbitraries/values.js';
import { EXACT, SUM } from '../tolerance.js';
import { SUMMABLE } from './domains.js';
import { operandCases } from './operand-cases.js';
import type { Case, PrimitiveSpec } from './spec.js';

const floatsOf = (dtype: ax.DType) => (dtype === 'float32' ? SUMMABLE : {});
const product = (xs: readonly number[]): number => xs.reduce((a, b) => a * b, 1);

/** Two operands of one numeric dtype with the given shapes, and parameters. */
function bilinearCases(
  shapes: fc.Arbitrary<{ lhsShape: number[]; rhsShape: number[]; params: object }>,
): fc.Arbitrary<Case> {
  return fc
    .tuple(dtypeArb(NUMERIC), shapes)
    .chain(([dtype, { lhsShape, rhsShape, params }]) =>
      fc
        .tuple(hostArrayArb(dtype, lhsShape, floatsOf(dtype)), hostArrayArb(dtype, rhsShape, floatsOf(dtype)))
        .map((operands): Case => ({ operands, params })),
    );
}

/** Contractions and windows: sums in any order (`sum`), maxima exact. */
export const LINALG_SPECS: readonly PrimitiveSpec[] = [
  {
    name: 'dotGeneral',
    cases: bilinearCases(dotGeneralArb()),
    tolerance: SUM,
    terms: (c) => {
      const p = c.params as ax.DotGeneralParams;
      return product(p.contractingDims[0].map((a) => c.operands[0]!.shape[a]!));
    },
    domain: 'float32, int32, uint32; batch, contracting and free axes in any order; zero sizes',
  },
  {
    name: 'conv',
    cases: bilinearCases(convArb()),
    tolerance: SUM,
    // Each output sums the kernel's input features times its spatial taps.
    terms: (c) => {
      const p = c.params as ax.ConvParams;
      const rhs = c.operands[1]!.shape;
      return product(p.dimensionNumbers.rhsSpec.slice(1).map((a) => rhs[a]!));
    },
    domain: 'float32, int32, uint32; 1-2 spatial axes, strides, padding, dilations, groups, any layout',
  },
  {
    name: 'reduceWindowSum',
    cases: operandCases(NUMERIC, SUMMABLE, reduceWindowArb),
    tolerance: SUM,
    terms: (c) => product((c.params as ax.ReduceWindowParams).windowDimensions),
    domain: 'float32, int32, uint32; ranks 0-3; windows, strides, padding, dilations',
  },
  {
    name: 'reduceWindowMax',
    cases: operandCases(NUMERIC, {}, reduceWindowArb),
    tolerance: EXACT,
    domain: 'float32, int32, uint32; any value; windows, strides, padding, dilations',
  },
];
