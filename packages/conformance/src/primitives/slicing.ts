import fc from 'fast-check';
import * as ax from '@addax/core';
import { dtypeArb } from '../arbitraries/dtypes.js';
import { dynamicSliceArb, padConfigArb, sliceParamsArb } from '../arbitraries/slicing.js';
import { shapeArb } from '../arbitraries/shapes.js';
import { hostArray } from '../host.js';
import { hostArrayArb } from '../arbitraries/values.js';
import { EXACT } from '../tolerance.js';
import { operandCases } from './operand-cases.js';
import type { Case, PrimitiveSpec } from './spec.js';

const startOperands = (starts: readonly number[]) => starts.map((s) => hostArray('int32', [], [s]));

function padCases(): fc.Arbitrary<Case> {
  return fc
    .tuple(dtypeArb(), shapeArb())
    .chain(([dtype, shape]) =>
      fc
        .tuple(hostArrayArb(dtype, shape), hostArrayArb(dtype, []), padConfigArb(shape))
        .map(([x, value, config]): Case => ({ operands: [x, value], params: { config } })),
    );
}

function dynamicSliceCases(): fc.Arbitrary<Case> {
  return fc.tuple(dtypeArb(), shapeArb()).chain(([dtype, shape]) =>
    fc.tuple(hostArrayArb(dtype, shape), dynamicSliceArb(shape)).map(([x, { sliceSizes, starts }]): Case => ({
      operands: [x, ...startOperands(starts)],
      params: { sliceSizes },
    })),
  );
}

function dynamicUpdateSliceCases(): fc.Arbitrary<Case> {
  return fc
    .tuple(dtypeArb(), shapeArb())
    .chain(([dtype, shape]) =>
      dynamicSliceArb(shape).chain(({ sliceSizes, starts }) =>
        fc
          .tuple(hostArrayArb(dtype, shape), hostArrayArb(dtype, sliceSizes))
          .map(([x, update]): Case => ({ operands: [x, update, ...startOperands(starts)], params: {} })),
      ),
    );
}

/** Slice (strided), pad (negative and interior), dynamicSlice and dynamicUpdateSlice: all exact. */
export const SLICING_SPECS: readonly PrimitiveSpec[] = [
  {
    name: 'slice',
    cases: operandCases(ax.DTYPES, {}, sliceParamsArb),
    tolerance: EXACT,
    domain: 'every dtype and value; any start and limit, strides 1-3',
  },
  {
    name: 'pad',
    cases: padCases(),
    tolerance: EXACT,
    domain: 'every dtype and value; low and high -2 to 2 (negative crops), interior 0-2',
  },
  {
    name: 'dynamicSlice',
    cases: dynamicSliceCases(),
    tolerance: EXACT,
    domain: 'every dtype and value; starts from -2 to size + 2 (clamped)',
  },
  {
    name: 'dynamicUpdateSlice',
    cases: dynamicUpdateSliceCases(),
    tolerance: EXACT,
    domain: 'every dtype and value; starts from -2 to size + 2 (clamped)',
  },
];
