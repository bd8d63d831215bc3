import fc from 'fast-check';
import * as ax from '@addax/core';
import { axesArb, axisArb, permutationArb } from '../arbitraries/axes.js';
import { dtypeArb } from '../arbitraries/dtypes.js';
import { broadcastInDimArb, dimArb, reshapeArb, shapeArb } from '../arbitraries/shapes.js';
import { hostArrayArb } from '../arbitraries/values.js';
import { EXACT } from '../tolerance.js';
import { operandCases } from './operand-cases.js';
import type { Case, PrimitiveSpec } from './spec.js';

/** A structural primitive: moves values without computing, so it is exact for every value. */
function structural(name: string, cases: fc.Arbitrary<Case>, domain: string): PrimitiveSpec {
  return { name, cases, tolerance: EXACT, domain: `every dtype and value (NaN, -0 kept); ${domain}` };
}

function broadcastInDimCases(): fc.Arbitrary<Case> {
  return fc
    .tuple(dtypeArb(), broadcastInDimArb({ maxRank: 4, maxSize: 3 }))
    .chain(([dtype, { operand, shape, broadcastDimensions }]) =>
      hostArrayArb(dtype, operand).map((x): Case => ({
        operands: [x],
        params: { shape, broadcastDimensions },
      })),
    );
}

function iotaCases(): fc.Arbitrary<Case> {
  return fc
    .tuple(dtypeArb(['float32', 'int32', 'uint32']), shapeArb({ minRank: 1 }))
    .chain(([dtype, shape]) =>
      axisArb(shape.length).map((dimension): Case => ({ operands: [], params: { dtype, shape, dimension } })),
    );
}

/** One to three operands of one dtype, equal in shape except along `dimension`. */
function concatenateCases(): fc.Arbitrary<Case> {
  return fc.tuple(dtypeArb(), shapeArb({ minRank: 1 })).chain(([dtype, shape]) =>
    axisArb(shape.length).chain((dimension) =>
      fc
        .array(dimArb(), { minLength: 1, maxLength: 3 })
        .chain((sizes) =>
          fc.tuple(
            ...sizes.map((d) =>
              hostArrayArb(
                dtype,
                shape.map((s, a) => (a === dimension ? d : s)),
              ),
            ),
          ),
        )
        .map((operands): Case => ({ operands, params: { dimension } })),
    ),
  );
}

/** Reshape, broadcastInDim, transpose (ranks up to 4), rev, iota and concatenate: all exact. */
export const SHAPE_SPECS: readonly PrimitiveSpec[] = [
  structural(
    'reshape',
    operandCases(ax.DTYPES, {}, (s) => reshapeArb(s).map((newSizes) => ({ newSizes }))),
    'any shape of the same size',
  ),
  structural('broadcastInDim', broadcastInDimCases(), 'operand axes mapped to any increasing output axes'),
  structural(
    'transpose',
    operandCases(
      ax.DTYPES,
      {},
      (s) => permutationArb(s.length).map((permutation) => ({ permutation })),
      shapeArb({ maxRank: 4, maxSize: 3 }),
    ),
    'ranks 0-4, any permutation',
  ),
  structural(
    'rev',
    operandCases(ax.DTYPES, {}, (s) => axesArb(s.length).map((dimensions) => ({ dimensions }))),
    'any subset of axes',
  ),
  {
    name: 'iota',
    cases: iotaCases(),
    tolerance: EXACT,
    domain: 'float32, int32, uint32; ranks 1-3, any dimension',
  },
  structural('concatenate', concatenateCases(), 'one to three operands along any axis'),
];
