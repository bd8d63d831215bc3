import fc from 'fast-check';
import * as ax from '@addax/core';
import { dtypeArb, NUMERIC } from '../arbitraries/dtypes.js';
import { shapeArb } from '../arbitraries/shapes.js';
import { EDGE_VALUES, hostArrayArb, type Domain } from '../arbitraries/values.js';
import { EXACT } from '../tolerance.js';
import type { Case, PrimitiveSpec } from './spec.js';

const MAX = 3.4028234663852886e38;

// NaN's payload bits are not stable through JavaScript numbers (V8 may store either sign of the
// quiet NaN), so bitcast, which exposes them, is checked on every other float32 value.
const NO_NAN: Domain = { min: -MAX, max: MAX, edges: EDGE_VALUES.float32.filter((v) => !Number.isNaN(v)) };

// Conversions to integers truncate, saturate and map NaN to 0: fractions, halves and the bounds
// of int32 and uint32 (as float32 values) are where they go wrong.
const CONVERTIBLE: Domain = {
  min: -5e9,
  max: 5e9,
  edges: [
    ...[0, -0, NaN, Infinity, -Infinity],
    ...[0.5, -0.5, 0.7, -0.7, 1.5, -1.5, 2.5, -2.5, 123.75, -123.75],
    ...[2 ** 31, -(2 ** 31), 2 ** 31 - 128, -(2 ** 31) - 256, 2 ** 32, 2 ** 32 - 256],
  ],
};

/** A source and a target dtype, float32 to int32 and to uint32 four times as often as other pairs. */
function dtypePairArb(
  sources: readonly ax.DType[],
  targets: readonly ax.DType[],
): fc.Arbitrary<[ax.DType, ax.DType]> {
  const pairs = sources.flatMap((from) => targets.map((to) => [from, to] as [ax.DType, ax.DType]));
  return fc.oneof(
    ...pairs.map(([from, to]) => ({
      arbitrary: fc.constant<[ax.DType, ax.DType]>([from, to]),
      weight: from === 'float32' && (to === 'int32' || to === 'uint32') ? 4 : 1,
    })),
  );
}

/** An operand of `from` and the target dtype `to`. */
function conversionCases(
  sources: readonly ax.DType[],
  targets: readonly ax.DType[],
  domain: Domain,
): fc.Arbitrary<Case> {
  return fc.tuple(dtypePairArb(sources, targets), shapeArb()).chain(([[from, to], shape]) =>
    hostArrayArb(from, shape, from === 'float32' ? domain : {}).map((x): Case => ({
      operands: [x],
      params: { dtype: to },
    })),
  );
}

/** `select(pred, onTrue, onFalse)`: a bool predicate and two operands of any one dtype. */
function selectCases(): fc.Arbitrary<Case> {
  return fc
    .tuple(dtypeArb(), shapeArb())
    .chain(([dtype, shape]) =>
      fc
        .tuple(hostArrayArb('bool', shape), hostArrayArb(dtype, shape), hostArrayArb(dtype, shape))
        .map((operands): Case => ({ operands, params: {} })),
    );
}

/**
 * `select`, `cast` (every dtype to every dtype: float to integer truncates and saturates, NaN to 0)
 * and `bitcast` (between the 32-bit numeric dtypes), all exact.
 */
export const CONVERSION_SPECS: readonly PrimitiveSpec[] = [
  {
    name: 'select',
    cases: selectCases(),
    tolerance: EXACT,
    domain: 'bool predicate; operands of any one dtype, any value',
  },
  {
    name: 'cast',
    cases: conversionCases(ax.DTYPES, ax.DTYPES, CONVERTIBLE),
    tolerance: EXACT,
    domain:
      'every dtype to every dtype, float32 to integers most; fractions, halves, NaN, infinities and the integer bounds',
  },
  {
    name: 'bitcast',
    cases: conversionCases(NUMERIC, NUMERIC, NO_NAN),
    tolerance: EXACT,
    domain:
      'float32, int32, uint32 to each other; any value but float32 NaN (its payload is not stable in JavaScript)',
  },
];
