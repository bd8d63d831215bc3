import type { Array } from '../../array.js';
import { bind } from '../../interpreters.js';
import { mul } from '../../lax/arithmetic.js';
import { neg } from '../../lax/unary-sign.js';
import { Zero, type JvpRule, type Primitive } from '../../primitive.js';
import { addCotangents } from '../transpose.js';

/** `t * factor`, keeping a symbolic zero symbolic (and `factor`, computed from primals, unbuilt). */
export function scale(t: Array | Zero, factor: () => Array): Array | Zero {
  return t instanceof Zero ? t : mul(t, factor());
}

/** `-t`, keeping a symbolic zero symbolic. */
export function negate(t: Array | Zero): Array | Zero {
  return t instanceof Zero ? t : neg(t);
}

/**
 * The jvp of `y = f(x)` from its derivative `f'(x)`, which may read the output `y` (JAX's
 * `defjvp2`). The tangent is `t * f'(x)`: linear in `t`, its coefficient from primals only.
 */
export function unaryJvp<P>(f: (x: Array) => Array, derivative: (x: Array, y: Array) => Array): JvpRule<P> {
  return ([x], [t]) => {
    const y = f(x!);
    return [[y], [scale(t!, () => derivative(x!, y))]];
  };
}

/** Partial derivative of `out = f(x, y)` in one operand, which may read `out`. */
type Partial = (x: Array, y: Array, out: Array) => Array;

/** The jvp of `out = f(x, y)` from its partial derivatives: `tx * dx + ty * dy`. */
export function binaryJvp<P>(f: (x: Array, y: Array) => Array, dx: Partial, dy: Partial): JvpRule<P> {
  return ([x, y], [tx, ty]) => {
    const out = f(x!, y!);
    return [
      [out],
      [
        addCotangents(
          scale(tx!, () => dx(x!, y!, out)),
          scale(ty!, () => dy(x!, y!, out)),
        ),
      ],
    ];
  };
}

/**
 * The jvp of a primitive that is locally constant or has no float output (rounding, comparisons,
 * bitwise operations, random bits, `stopGradient`): every output tangent is zero.
 */
export function zeroJvp<P>(prim: Primitive<P>): JvpRule<P> {
  return (primals, _tangents, params) => {
    const outs = bind(prim, primals, params);
    return [outs, outs.map((y) => new Zero(y.aval))];
  };
}
