import fc from 'fast-check';
import * as ax from '@addax/core';
import { dtypeArb, INTEGER, NUMERIC } from '../arbitraries/dtypes.js';
import { gatherArb, scatterArb } from '../arbitraries/gather.js';
import { elementArb, hostArrayArb } from '../arbitraries/values.js';
import { EXACT, SUM } from '../tolerance.js';
import { SUMMABLE } from './domains.js';
import type { Case, PrimitiveSpec } from './spec.js';

/** Index values from -2 to 2 past the largest axis: out-of-range ones exercise `clip` and `fill`. */
function indicesArb(operandShape: readonly number[], indicesShape: readonly number[]) {
  const top = Math.max(0, ...operandShape) + 2;
  return dtypeArb(INTEGER).chain((dtype) =>
    hostArrayArb(dtype, indicesShape, dtype === 'int32' ? { min: -2, max: top } : { min: 0, max: top }),
  );
}

function gatherCases(): fc.Arbitrary<Case> {
  return fc.tuple(dtypeArb(ax.DTYPES), gatherArb()).chain(([dtype, { operandShape, indicesShape, params }]) =>
    fc
      .tuple(hostArrayArb(dtype, operandShape), indicesArb(operandShape, indicesShape), elementArb(dtype))
      .map(([x, indices, fillValue]): Case => ({
        operands: [x, indices],
        params: { ...params, fillValue },
      })),
  );
}

function scatterCases(): fc.Arbitrary<Case> {
  return fc
    .tuple(dtypeArb(NUMERIC), scatterArb())
    .chain(([dtype, { operandShape, indicesShape, updatesShape, params }]) => {
      const floats = dtype === 'float32' ? SUMMABLE : {};
      return fc
        .tuple(
          hostArrayArb(dtype, operandShape, floats),
          indicesArb(operandShape, indicesShape),
          hostArrayArb(dtype, updatesShape, floats),
        )
        .map((operands): Case => ({ operands, params }));
    });
}

/** XLA's general gather (exact) and scatterAdd (duplicates may accumulate in any order). */
export const GATHER_SPECS: readonly PrimitiveSpec[] = [
  {
    name: 'gather',
    cases: gatherCases(),
    tolerance: EXACT,
    domain:
      'every dtype and value; general dimension numbers; int32/uint32 indices out of range; clip and fill',
  },
  {
    name: 'scatterAdd',
    cases: scatterCases(),
    tolerance: SUM,
    // The operand's element plus at most one update per index vector land on each element.
    terms: (c) => c.operands[1]!.shape.slice(0, -1).reduce((a, b) => a * b, 1) + 1,
    domain:
      'float32, int32, uint32; general dimension numbers; duplicate and out-of-range indices; clip and fill',
  },
];
