import type { Array } from '../../array.js';
import { bind } from '../../interpreters.js';
import * as lax from '../../lax/index.js';
import type { BatchRule, Primitive } from '../../primitive.js';
import type { ElementwisePrimitiveName } from '../../primitives/params.js';
import { batchAt } from '../batch-trace.js';
import type { BatchTable } from './types.js';

/**
 * Elementwise operands must share one shape, so every batch axis goes where the first mapped
 * operand has it (no transpose when they already agree) and unmapped operands are broadcast there;
 * every output is then mapped along that axis.
 */
function elementwise<P>(prim: Primitive<P>): BatchRule<P> {
  return (operands: readonly Array[], dims, params, size) => {
    const to = dims.find((d) => d !== null)!;
    const outs = bind(
      prim,
      operands.map((x, i) => batchAt(x, dims[i]!, to, size)),
      params,
    );
    return [outs, outs.map(() => to)];
  };
}

export const elementwiseBatchers = {
  neg: elementwise(lax.negP),
  abs: elementwise(lax.absP),
  sign: elementwise(lax.signP),
  exp: elementwise(lax.expP),
  exp2: elementwise(lax.exp2P),
  log: elementwise(lax.logP),
  log1p: elementwise(lax.log1pP),
  expm1: elementwise(lax.expm1P),
  sin: elementwise(lax.sinP),
  cos: elementwise(lax.cosP),
  tan: elementwise(lax.tanP),
  tanh: elementwise(lax.tanhP),
  logistic: elementwise(lax.logisticP),
  sqrt: elementwise(lax.sqrtP),
  rsqrt: elementwise(lax.rsqrtP),
  reciprocal: elementwise(lax.reciprocalP),
  floor: elementwise(lax.floorP),
  ceil: elementwise(lax.ceilP),
  round: elementwise(lax.roundP),
  isFinite: elementwise(lax.isFiniteP),
  erf: elementwise(lax.erfP),
  erfInv: elementwise(lax.erfInvP),
  not: elementwise(lax.notP),
  add: elementwise(lax.addP),
  sub: elementwise(lax.subP),
  mul: elementwise(lax.mulP),
  div: elementwise(lax.divP),
  rem: elementwise(lax.remP),
  pow: elementwise(lax.powP),
  max: elementwise(lax.maxP),
  min: elementwise(lax.minP),
  atan2: elementwise(lax.atan2P),
  and: elementwise(lax.andP),
  or: elementwise(lax.orP),
  xor: elementwise(lax.xorP),
  shiftLeft: elementwise(lax.shiftLeftP),
  shiftRightLogical: elementwise(lax.shiftRightLogicalP),
  shiftRightArithmetic: elementwise(lax.shiftRightArithmeticP),
  eq: elementwise(lax.eqP),
  ne: elementwise(lax.neP),
  lt: elementwise(lax.ltP),
  le: elementwise(lax.leP),
  gt: elementwise(lax.gtP),
  ge: elementwise(lax.geP),
  select: elementwise(lax.selectP),
  cast: elementwise(lax.castP),
  bitcast: elementwise(lax.bitcastP),
  threefry2x32: elementwise(lax.threefry2x32P),
  stopGradient: elementwise(lax.stopGradientP),
} satisfies BatchTable<ElementwisePrimitiveName>;
