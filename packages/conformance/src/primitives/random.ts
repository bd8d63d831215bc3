import fc from 'fast-check';
import { shapeArb } from '../arbitraries/shapes.js';
import { hostArrayArb } from '../arbitraries/values.js';
import { EXACT } from '../tolerance.js';
import type { Case, PrimitiveSpec } from './spec.js';

/** threefry2x32 on four uint32 operands of one shape: exact, since random streams must agree. */
export const RANDOM_SPECS: readonly PrimitiveSpec[] = [
  {
    name: 'threefry2x32',
    cases: shapeArb()
      .chain((shape) => fc.tuple(...[0, 1, 2, 3].map(() => hostArrayArb('uint32', shape))))
      .map((operands): Case => ({ operands, params: {} })),
    tolerance: EXACT,
    domain: 'uint32 keys and counters, any value',
  },
];
