import * as ax from '@addax/core';
import { INTEGER, INTEGRAL, NUMERIC } from '../arbitraries/dtypes.js';
import { EXACT, ulps, type Tolerance } from '../tolerance.js';
import { elementwiseSpec, type OperandDomains } from './elementwise-cases.js';
import type { PrimitiveSpec } from './spec.js';

function binary(
  name: string,
  dtypes: readonly ax.DType[],
  tolerance: Tolerance = EXACT,
  second: OperandDomains = {},
): PrimitiveSpec {
  return elementwiseSpec(name, { dtypes, tolerance, operands: [{}, second] });
}

// Shift amounts around the word size: out-of-range amounts have defined results.
const SHIFT: OperandDomains = {
  int32: { min: -2, max: 40, edges: [0, 1, 31, 32, 33, -1, 2 ** 31 - 1, -(2 ** 31)] },
  uint32: { min: 0, max: 40, edges: [0, 1, 31, 32, 33, 2 ** 32 - 1] },
};

/**
 * The elementwise binary primitives and comparisons, over every value their dtypes hold: integer
 * division by zero and `INT32_MIN / -1` included, since their results are defined. Exact, except
 * `pow` and `atan2` (libm functions).
 */
export const BINARY_SPECS: readonly PrimitiveSpec[] = [
  binary('add', NUMERIC),
  binary('sub', NUMERIC),
  binary('mul', NUMERIC),
  binary('div', NUMERIC),
  binary('rem', NUMERIC),
  binary('pow', NUMERIC, ulps(2)),
  binary('max', NUMERIC),
  binary('min', NUMERIC),
  binary('atan2', ['float32'], ulps(2)),
  binary('and', INTEGRAL),
  binary('or', INTEGRAL),
  binary('xor', INTEGRAL),
  binary('shiftLeft', INTEGER, EXACT, SHIFT),
  binary('shiftRightLogical', INTEGER, EXACT, SHIFT),
  binary('shiftRightArithmetic', INTEGER, EXACT, SHIFT),
  binary('eq', ax.DTYPES),
  binary('ne', ax.DTYPES),
  binary('lt', ax.DTYPES),
  binary('le', ax.DTYPES),
  binary('gt', ax.DTYPES),
  binary('ge', ax.DTYPES),
];
