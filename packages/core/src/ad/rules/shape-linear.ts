import type { Array } from '../../array.js';
import { ShapeDtype } from '../../aval.js';
import { bind1 } from '../../interpreters.js';
import { Zero, type JvpRule, type Primitive } from '../../primitive.js';
import { instantiate } from '../jvp-trace.js';

/**
 * The jvp of a primitive that is linear, jointly, in the operands `isLinear` picks, the others (index
 * operands) being constant: the primitive itself on their tangents (JAX's `deflinear`). A zero
 * tangent becomes real zeros only when another linear operand's tangent is not zero.
 *
 * @param tangentParams - the params to apply to the tangents, when they differ (gather's fill value
 *   is a constant, so its tangent fills with 0).
 */
export function linearJvp<P>(
  prim: Primitive<P>,
  isLinear: (operand: number) => boolean = () => true,
  tangentParams: (params: P) => P = (params) => params,
): JvpRule<P> {
  return (primals, tangents, params) => {
    const out = bind1(prim, primals, params);
    if (tangents.every((t, i) => !isLinear(i) || t instanceof Zero)) return [[out], [new Zero(out.aval)]];
    const operands = primals.map((p, i) => (isLinear(i) ? instantiate(tangents[i]!) : p));
    return [[out], [bind1(prim, operands, tangentParams(params))]];
  };
}

/**
 * A transpose rule's cotangent for operand `x`: `null` if `x` is a constant, zero if the output
 * cotangent `ct` is, else `f(ct)`.
 */
export function pullback(
  ct: Array | Zero,
  x: Array | ShapeDtype,
  f: (ct: Array) => Array,
): Array | Zero | null {
  if (!(x instanceof ShapeDtype)) return null;
  return ct instanceof Zero ? new Zero(x) : f(ct);
}
