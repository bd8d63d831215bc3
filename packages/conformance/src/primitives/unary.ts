import fc from 'fast-check';
import * as ax from '@addax/core';
import { INTEGRAL, NUMERIC } from '../arbitraries/dtypes.js';
import { EXACT, ulps, type Tolerance } from '../tolerance.js';
import { elementwiseSpec, type OperandDomains } from './elementwise-cases.js';
import type { PrimitiveSpec } from './spec.js';

const FLOAT: readonly ax.DType[] = ['float32'];
const MAX = 3.4028234663852886e38;

function unary(
  name: string,
  dtypes: readonly ax.DType[],
  tolerance: Tolerance,
  domain?: OperandDomains,
): PrimitiveSpec {
  return elementwiseSpec(name, { dtypes, tolerance, operands: [domain ?? {}] });
}

// Below 2^126 core's decompositions of cos and tan (sin 2x / 2 sin x, sin / cos), which a backend
// without kernels of its own for them runs, keep their relative accuracy; beyond, cos is only
// accurate to 2^-22 absolute. The reference itself computes Math.cos and Math.tan.
const TRIG: OperandDomains = {
  float32: {
    min: -(2 ** 126),
    max: 2 ** 126,
    edges: [0, -0, 1.5707963705062866, 2 ** -149, Infinity, -Infinity, NaN],
  },
};

/**
 * The elementwise unary primitives. Exact where IEEE 754 rounds correctly (sqrt, reciprocal,
 * sign and rounding functions); a few ulps for transcendental functions, whose libm may differ
 * from JavaScript's `Math` and whose decompositions round several times.
 */
export const UNARY_SPECS: readonly PrimitiveSpec[] = [
  unary('neg', NUMERIC, EXACT),
  unary('abs', NUMERIC, EXACT),
  unary('sign', NUMERIC, EXACT),
  unary('exp', FLOAT, ulps(2)),
  unary('exp2', FLOAT, ulps(2)),
  unary('log', FLOAT, ulps(2), {
    float32: { min: 0, max: MAX, edges: [0, -0, 1, -1, 2 ** -149, Infinity, -Infinity, NaN] },
  }),
  unary('log1p', FLOAT, ulps(4), {
    float32: { min: -1, max: MAX, edges: [-1, -2, 0, -0, 2 ** -149, -(2 ** -149), Infinity, NaN] },
  }),
  unary('expm1', FLOAT, ulps(4)),
  unary('sin', FLOAT, ulps(2)),
  unary('cos', FLOAT, ulps(4), TRIG),
  unary('tan', FLOAT, ulps(6), TRIG),
  unary('tanh', FLOAT, ulps(6)),
  unary('logistic', FLOAT, ulps(4)),
  unary('sqrt', FLOAT, EXACT),
  unary('rsqrt', FLOAT, ulps(2)),
  unary('reciprocal', FLOAT, EXACT),
  unary('floor', FLOAT, EXACT),
  unary('ceil', FLOAT, EXACT),
  elementwiseSpec('round', {
    dtypes: FLOAT,
    params: fc.record({ method: fc.constantFrom('halfToEven', 'halfAwayFromZero') }),
  }),
  unary('isFinite', FLOAT, EXACT),
  unary('erf', FLOAT, ulps(4)),
  unary('erfInv', FLOAT, ulps(4), {
    float32: { min: -1, max: 1, edges: [-1, 1, 0, -0, 2, -2, Infinity, NaN] },
  }),
  unary('not', INTEGRAL, EXACT),
  unary('stopGradient', ax.DTYPES, EXACT),
];
