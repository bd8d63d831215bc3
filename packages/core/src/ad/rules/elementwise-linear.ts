import type { Array } from '../../array.js';
import { ShapeDtype } from '../../aval.js';
import { AddaxError } from '../../errors.js';
import { add, div, mul, sub } from '../../lax/arithmetic.js';
import { select } from '../../lax/comparison.js';
import { cast } from '../../lax/conversion.js';
import { zerosLike } from '../../creation.js';
import { neg } from '../../lax/unary-sign.js';
import { Zero } from '../../primitive.js';
import { addCotangents } from '../transpose.js';
import { instantiate } from '../jvp-trace.js';
import { negate, scale } from './elementwise-tangent.js';
import type { JvpTable, TransposeTable } from './types.js';

type LinearElementwise = 'neg' | 'add' | 'sub' | 'mul' | 'div' | 'select' | 'cast';

/** The one operand a bilinear or quotient rule is linear in; both linear means the program was not. */
function linearOperand(
  name: string,
  operands: readonly (Array | ShapeDtype)[],
  allowed: readonly number[],
): number {
  const linear = operands.flatMap((x, i) => (x instanceof ShapeDtype ? [i] : []));
  if (linear.length !== 1 || !allowed.includes(linear[0]!)) {
    throw new AddaxError(
      `${name} transpose: expected operand ${allowed.join(' or ')} alone to be linear, but operands ` +
        `[${linear.join(', ')}] are; the program is not linear in its tangent inputs`,
    );
  }
  return linear[0]!;
}

export const linearElementwiseJvps = {
  neg: ([x], [t]) => [[neg(x!)], [negate(t!)]],
  add: ([x, y], [tx, ty]) => [[add(x!, y!)], [addCotangents(tx!, ty!)]],
  sub: ([x, y], [tx, ty]) => [[sub(x!, y!)], [addCotangents(tx!, negate(ty!))]],
  mul: ([x, y], [tx, ty]) => [
    [mul(x!, y!)],
    [
      addCotangents(
        scale(tx!, () => y!),
        scale(ty!, () => x!),
      ),
    ],
  ],
  div: ([x, y], [tx, ty]) => {
    const out = div(x!, y!);
    // d(x/y) = tx / y - ty * (x/y) / y; tx stays the numerator so the tangent program transposes.
    const dx = tx! instanceof Zero ? tx! : div(tx!, y!);
    return [
      [out],
      [
        addCotangents(
          dx,
          scale(ty!, () => neg(div(out, y!))),
        ),
      ],
    ];
  },
  select: ([pred, onTrue, onFalse], [, tTrue, tFalse]) => {
    const out = select(pred!, onTrue!, onFalse!);
    const both = tTrue instanceof Zero && tFalse instanceof Zero;
    return [[out], [both ? new Zero(out.aval) : select(pred!, instantiate(tTrue!), instantiate(tFalse!))]];
  },
  cast: ([x], [t], { dtype }) => {
    const out = cast(x!, dtype);
    // Only float32 carries tangents, so a cast to or from an integer or bool is constant.
    const passes = x!.dtype === 'float32' && dtype === 'float32' && !(t instanceof Zero);
    return [[out], [passes ? cast(t as Array, dtype) : new Zero(out.aval)]];
  },
} satisfies JvpTable<LinearElementwise>;

export const linearElementwiseTransposes = {
  neg: ([ct]) => [negate(ct!)],
  add: ([ct]) => [ct!, ct!],
  sub: ([ct]) => [ct!, negate(ct!)],
  mul: ([ct], operands) => {
    const i = linearOperand('mul', operands, [0, 1]);
    const other = operands[1 - i] as Array;
    const g = scale(ct!, () => other);
    return i === 0 ? [g, null] : [null, g];
  },
  div: ([ct], operands) => {
    linearOperand('div', operands, [0]);
    const y = operands[1] as Array;
    return [ct! instanceof Zero ? new Zero(operands[0] as ShapeDtype) : div(ct!, y), null];
  },
  select: ([cotangent], [pred, onTrue, onFalse]) => {
    const ct = cotangent!;
    const branch = (x: Array | ShapeDtype, pick: (ct: Array, zero: Array) => Array): Array | Zero | null => {
      if (!(x instanceof ShapeDtype)) return null;
      if (ct instanceof Zero) return new Zero(x);
      return pick(ct, zerosLike(ct));
    };
    const p = pred as Array;
    return [null, branch(onTrue!, (g, z) => select(p, g, z)), branch(onFalse!, (g, z) => select(p, z, g))];
  },
  cast: ([ct], [x]) => {
    const aval = x as ShapeDtype;
    return [ct! instanceof Zero ? new Zero(aval) : cast(ct!, aval.dtype)];
  },
} satisfies TransposeTable<LinearElementwise>;
