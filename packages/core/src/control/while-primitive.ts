import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { tidy } from '../eager.js';
import { DTypeError } from '../errors.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { definePrimitive } from '../primitive.js';
import { checkAvals } from './check-avals.js';
import { releaseCarry } from './loop-carry.js';
import { whileBatch, whileJvp } from './while-rules.js';

/**
 * Params of the `whileLoop` primitive (JAX's `while`). Operands are
 * `[...condConsts, ...bodyConsts, ...init]`; `cond` maps `(condConsts, carry)` to a bool scalar,
 * `body` maps `(bodyConsts, carry)` to the next carry.
 */
export interface WhileParams {
  readonly cond: IR;
  readonly body: IR;
  readonly numCondConsts: number;
  readonly numBodyConsts: number;
}

const PRED = new ShapeDtype([], 'bool');

/** Operands split into cond consts, body consts and carry. */
export function whileParts(operands: readonly Array[], p: WhileParams): [Array[], Array[], Array[]] {
  const bodyStart = p.numCondConsts;
  const carryStart = bodyStart + p.numBodyConsts;
  return [operands.slice(0, bodyStart), operands.slice(bodyStart, carryStart), operands.slice(carryStart)];
}

/** Eager while: reads the predicate each iteration, so only the carry survives an iteration. */
function whileEval(operands: readonly Array[], p: WhileParams): Array[] {
  const [condConsts, bodyConsts, init] = whileParts(operands, p);
  let carry = init;
  const kept = new Set(operands);
  const more = (): boolean => tidy(() => evalIR(p.cond, [...condConsts, ...carry])[0]!.dataSync()[0] !== 0);
  while (more()) {
    const next = tidy(() => evalIR(p.body, [...bodyConsts, ...carry]));
    releaseCarry(carry, next, kept);
    carry = next;
  }
  return carry;
}

/**
 * `whileLoop(...condConsts, ...bodyConsts, ...init)`: the body run while the predicate holds.
 * Eagerly a loop that reads the predicate each iteration; under staging one equation.
 */
export const whileP = definePrimitive<WhileParams>({
  name: 'whileLoop',
  abstractEval: (operands, p) => {
    const condIn = p.cond.inAvals;
    const carry = p.body.inAvals.slice(p.numBodyConsts);
    checkAvals('whileLoop', 'operand', operands, [
      ...condIn.slice(0, p.numCondConsts),
      ...p.body.inAvals.slice(0, p.numBodyConsts),
      ...carry,
    ]);
    checkAvals('whileLoop', 'cond input', condIn.slice(p.numCondConsts), carry, 'but the carry is');
    const [pred, ...rest] = p.cond.outAvals;
    if (!pred?.equals(PRED) || rest.length > 0) {
      throw new DTypeError(
        `whileLoop: cond must return one bool scalar, got [${p.cond.outAvals.map((a) => a.describe()).join(', ')}]`,
      );
    }
    checkAvals('whileLoop', 'body output', p.body.outAvals, carry, 'but the carry is');
    return carry;
  },
  decompose: whileEval,
  jvp: whileJvp,
  batch: whileBatch,
});
