import type { Array } from '../../array.js';
import type { BatchRule } from '../../primitive.js';
import { bind } from '../../interpreters.js';
import { lookupPrimitive } from '../../primitive.js';
import { batchAt } from '../batch-trace.js';
import type { BatchTable } from './types.js';

/** Elementwise primitives need operands of one shape: every batch axis goes to the front. */
function elementwise(name: string): BatchRule<never> {
  return (operands: readonly Array[], dims, params, size) => [
    bind(
      lookupPrimitive(name)!,
      operands.map((x, i) => batchAt(x, dims[i]!, 0, size)),
      params,
    ),
    [0],
  ];
}

export const elementwiseBatchers = {
  neg: elementwise('neg'),
  sin: elementwise('sin'),
  cos: elementwise('cos'),
  exp: elementwise('exp'),
  add: elementwise('add'),
  sub: elementwise('sub'),
  mul: elementwise('mul'),
} satisfies Partial<BatchTable<'neg' | 'sin' | 'cos' | 'exp' | 'add' | 'sub' | 'mul'>>;
