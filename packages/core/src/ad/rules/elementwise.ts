import type { Array } from '../../array.js';
import { add, mul, sub } from '../../lax/arithmetic.js';
import { cos, sin } from '../../lax/unary-trigonometric.js';
import { exp } from '../../lax/unary-exponential.js';
import { neg } from '../../lax/unary-sign.js';
import { Zero } from '../../primitive.js';
import { addCotangents } from '../transpose.js';
import type { JvpTable, TransposeTable } from './types.js';

/** `t * factor`, keeping a symbolic zero symbolic. */
function scale(t: Array | Zero, factor: Array): Array | Zero {
  return t instanceof Zero ? t : mul(t, factor);
}

function negate(t: Array | Zero): Array | Zero {
  return t instanceof Zero ? t : neg(t);
}

export const elementwiseJvps = {
  neg: ([x], [t]) => [[neg(x!)], [negate(t!)]],
  sin: ([x], [t]) => [[sin(x!)], [scale(t!, cos(x!))]],
  cos: ([x], [t]) => [[cos(x!)], [negate(scale(t!, sin(x!)))]],
  exp: ([x], [t]) => {
    const y = exp(x!);
    return [[y], [scale(t!, y)]];
  },
  add: ([x, y], [tx, ty]) => [[add(x!, y!)], [addCotangents(tx!, ty!)]],
  sub: ([x, y], [tx, ty]) => [[sub(x!, y!)], [addCotangents(tx!, negate(ty!))]],
  mul: ([x, y], [tx, ty]) => [[mul(x!, y!)], [addCotangents(scale(tx!, y!), scale(ty!, x!))]],
} satisfies Partial<JvpTable<'neg' | 'sin' | 'cos' | 'exp' | 'add' | 'sub' | 'mul'>>;

export const elementwiseTransposes = {
  neg: ([ct]) => [negate(ct!)],
  add: ([ct]) => [ct!, ct!],
  sub: ([ct]) => [ct!, negate(ct!)],
  mul: ([ct], [x, y]) => {
    const linearX = !(x instanceof Object && 'dataSync' in x);
    return linearX ? [scale(ct!, y as Array), null] : [null, scale(ct!, x as Array)];
  },
} satisfies Partial<TransposeTable<'neg' | 'add' | 'sub' | 'mul'>>;
