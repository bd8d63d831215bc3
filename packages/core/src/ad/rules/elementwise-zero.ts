import * as lax from '../../lax/index.js';
import { zeroJvp } from './elementwise-tangent.js';
import type { ElementwisePrimitiveName } from '../../primitives/params.js';
import type { JvpTable } from './types.js';

/**
 * Primitives whose derivative is zero wherever it exists: piecewise constant in float operands,
 * bool or integer valued, or (`bitcast`, whose bits are not a smooth function of the value, and
 * `stopGradient`) declared constant.
 */
export const zeroDerivativeJvps = {
  sign: zeroJvp(lax.signP),
  floor: zeroJvp(lax.floorP),
  ceil: zeroJvp(lax.ceilP),
  round: zeroJvp(lax.roundP),
  isFinite: zeroJvp(lax.isFiniteP),
  not: zeroJvp(lax.notP),
  and: zeroJvp(lax.andP),
  or: zeroJvp(lax.orP),
  xor: zeroJvp(lax.xorP),
  shiftLeft: zeroJvp(lax.shiftLeftP),
  shiftRightLogical: zeroJvp(lax.shiftRightLogicalP),
  shiftRightArithmetic: zeroJvp(lax.shiftRightArithmeticP),
  eq: zeroJvp(lax.eqP),
  ne: zeroJvp(lax.neP),
  lt: zeroJvp(lax.ltP),
  le: zeroJvp(lax.leP),
  gt: zeroJvp(lax.gtP),
  ge: zeroJvp(lax.geP),
  bitcast: zeroJvp(lax.bitcastP),
  threefry2x32: zeroJvp(lax.threefry2x32P),
  stopGradient: zeroJvp(lax.stopGradientP),
} satisfies Partial<JvpTable<ElementwisePrimitiveName>>;
