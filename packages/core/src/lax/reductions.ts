import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { full } from '../creation.js';
import type { DType } from '../dtype.js';
import { ParameterError, ShapeError } from '../errors.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive, type Primitive, type PrimitiveDef } from '../primitive.js';
import type { ArgReduceParams, AxesParams, CumulativeParams, PrimitiveParams } from '../primitives/params.js';
import { sizeOf } from '../shape.js';
import { allOnesLike, constantLike } from './constant.js';
import { add, cast, eq, mul, ne, or, select, xor } from './elementwise.js';
import { canonicalAxes, canonicalAxis, checkOperandDType } from './reduce-axes.js';
import { broadcastInDim, iota, pad, reshape, slice, transpose } from './shape.js';

const NUMERIC: readonly DType[] = ['float32', 'int32', 'uint32'];
const BOOL: readonly DType[] = ['bool'];

/**
 * A reduction primitive over `axes` (XLA's `reduce` with a fixed monoid): `axes` canonicalised,
 * the operand's dtype one of `accepts`, and the axes dropped from the output's shape.
 */
function reducePrimitive(
  name: string,
  accepts: readonly DType[],
  { decompose }: { readonly decompose?: PrimitiveDef<AxesParams>['decompose'] } = {},
): Primitive<AxesParams> {
  return definePrimitive<AxesParams>({
    name,
    params: (raw, [x]) => ({ axes: canonicalAxes(name, raw.axes, x!) }),
    abstractEval: ([x], { axes }) => {
      checkOperandDType(name, x!, accepts);
      return [
        new ShapeDtype(
          x!.shape.filter((_, i) => !axes.includes(i)),
          x!.dtype,
        ),
      ];
    },
    ...(decompose && { decompose }),
  });
}

/** The operand axes a reduction over `axes` keeps, in order. */
function keptAxes(ndim: number, axes: readonly number[]): number[] {
  return [...globalThis.Array(ndim).keys()].filter((i) => !axes.includes(i));
}

/**
 * `-x` for float32 as a multiplication by -1, which flips the sign of every value, zeros
 * included (`0 - x` would turn -0 into +0 and lose the minimum of [-0]).
 */
function negate(x: Array): Array {
  return mul(x, constantLike(x, -1));
}

export const reduceSumP = reducePrimitive('reduceSum', NUMERIC);

/**
 * `lax.reduce_sum`: the sum over `axes`, which are dropped from the shape. An empty reduction is
 * 0; integers wrap.
 *
 * @example
 * ```ts
 * ax.lax.reduceSum(ax.array([[1, 2], [3, 4]]), [1]); // [3, 7]
 * ```
 */
export function reduceSum(x: Array, axes: readonly number[]): Array {
  return bind1(reduceSumP, [x], { axes: [...axes] });
}

export const reduceMaxP = reducePrimitive('reduceMax', NUMERIC);

/**
 * `lax.reduce_max`: the maximum over `axes`, which are dropped. NaN propagates; an empty reduction
 * is -Infinity (float32), -2^31 (int32) or 0 (uint32).
 *
 * @example
 * ```ts
 * ax.lax.reduceMax(ax.array([[1, 5], [3, 4]]), [0]); // [3, 5]
 * ```
 */
export function reduceMax(x: Array, axes: readonly number[]): Array {
  return bind1(reduceMaxP, [x], { axes: [...axes] });
}

export const reduceMinP = reducePrimitive('reduceMin', NUMERIC, {
  // Negation (floats) and bitwise not (integers) reverse the order exactly, identities included.
  decompose: ([x], { axes }) => {
    if (x!.dtype === 'float32') return [negate(reduceMax(negate(x!), axes))];
    const largest = reduceMax(xor(x!, allOnesLike(x!)), axes);
    return [xor(largest, allOnesLike(largest))];
  },
});

/**
 * `lax.reduce_min`: the minimum over `axes`, which are dropped. NaN propagates; an empty reduction
 * is +Infinity (float32), 2^31 - 1 (int32) or 2^32 - 1 (uint32).
 *
 * @example
 * ```ts
 * ax.lax.reduceMin(ax.array([[1, 5], [3, 4]]), [1]); // [1, 3]
 * ```
 */
export function reduceMin(x: Array, axes: readonly number[]): Array {
  return bind1(reduceMinP, [x], { axes: [...axes] });
}

/** The product along the last axis of a `[rows, n]` array: multiply halves, padding odd lengths with 1. */
function pairwiseProduct(y: Array): Array {
  const [rows, n] = y.shape as [number, number];
  if (n === 1) return y;
  if (n % 2 === 1 || n === 0)
    return pairwiseProduct(
      pad(y, full([], 1, y.dtype), [
        [0, 0, 0],
        [0, 1, 0],
      ]),
    );
  const half = n / 2;
  return pairwiseProduct(mul(slice(y, [0, 0], [rows, half]), slice(y, [0, half], [rows, n])));
}

export const reduceProdP = reducePrimitive('reduceProd', NUMERIC, {
  decompose: ([x], { axes }) => {
    const kept = keptAxes(x!.ndim, axes);
    const outShape = kept.map((i) => x!.shape[i]!);
    const rows = reshape(transpose(x!, [...kept, ...axes]), [
      sizeOf(outShape),
      sizeOf(axes.map((i) => x!.shape[i]!)),
    ]);
    return [reshape(pairwiseProduct(rows), outShape)];
  },
});

/**
 * `lax.reduce_prod`: the product over `axes`, which are dropped. An empty reduction is 1;
 * integers wrap.
 *
 * @example
 * ```ts
 * ax.lax.reduceProd(ax.array([[1, 2], [3, 4]]), [0]); // [3, 8]
 * ```
 */
export function reduceProd(x: Array, axes: readonly number[]): Array {
  return bind1(reduceProdP, [x], { axes: [...axes] });
}

export const reduceAndP = reducePrimitive('reduceAnd', BOOL, {
  // All true iff the largest of the negations (0 when empty) is 0.
  decompose: ([x], { axes }) => {
    const anyFalse = reduceMax(cast(xor(x!, allOnesLike(x!)), 'uint32'), axes);
    return [eq(anyFalse, constantLike(anyFalse, 0))];
  },
});

/**
 * `lax.reduce_and`: whether every element over `axes` is true (true when empty).
 *
 * @example
 * ```ts
 * ax.lax.reduceAnd(ax.array([[true, false], [true, true]]), [1]); // [false, true]
 * ```
 */
export function reduceAnd(x: Array, axes: readonly number[]): Array {
  return bind1(reduceAndP, [x], { axes: [...axes] });
}

export const reduceOrP = reducePrimitive('reduceOr', BOOL, {
  // uint32's empty maximum is 0, so an empty reduction is false.
  decompose: ([x], { axes }) => [cast(reduceMax(cast(x!, 'uint32'), axes), 'bool')],
});

/**
 * `lax.reduce_or`: whether any element over `axes` is true (false when empty).
 *
 * @example
 * ```ts
 * ax.lax.reduceOr(ax.array([[true, false], [false, false]]), [1]); // [true, false]
 * ```
 */
export function reduceOr(x: Array, axes: readonly number[]): Array {
  return bind1(reduceOrP, [x], { axes: [...axes] });
}

function argRule(name: string): (raw: ArgReduceParams, operands: readonly ShapeDtype[]) => ArgReduceParams {
  return (raw, [x]) => {
    if (raw.indexDtype !== 'int32') {
      throw new ParameterError(
        `${name}: indexDtype ${JSON.stringify(raw.indexDtype)} is not supported; use 'int32'`,
      );
    }
    return { axis: canonicalAxis(name, raw.axis, x!), indexDtype: raw.indexDtype };
  };
}

function argEval(name: string): (operands: readonly ShapeDtype[], params: ArgReduceParams) => ShapeDtype[] {
  return ([x], { axis, indexDtype }) => {
    checkOperandDType(name, x!, NUMERIC);
    if (x!.shape[axis] === 0) {
      throw new ShapeError(
        `${name}: axis ${axis} of operand ${x!.describe()} is empty; ${name} of an empty axis is undefined`,
      );
    }
    return [
      new ShapeDtype(
        x!.shape.filter((_, i) => i !== axis),
        indexDtype,
      ),
    ];
  };
}

/**
 * The first index along `axis` where `x` equals its `reduce` (or is NaN, which reductions
 * propagate): positions that do not match count as `n`, and the smallest index wins.
 */
function firstIndexOf(x: Array, axis: number, reduce: (x: Array, axes: readonly number[]) => Array): Array {
  const n = x.shape[axis]!;
  const target = broadcastInDim(reduce(x, [axis]), x.shape, keptAxes(x.ndim, [axis]));
  const hit = x.dtype === 'float32' ? or(eq(x, target), ne(x, x)) : eq(x, target);
  const index = select(hit, iota('int32', x.shape, axis), full(x.shape, n, 'int32'));
  return reduceMin(index, [axis]);
}

export const argmaxP = definePrimitive<PrimitiveParams['argmax']>({
  name: 'argmax',
  params: argRule('argmax'),
  abstractEval: argEval('argmax'),
  decompose: ([x], { axis }) => [firstIndexOf(x!, axis, reduceMax)],
});

/**
 * `lax.argmax`: the index of the first maximum along `axis`, which is dropped; the first NaN, if
 * any, counts as the maximum. An empty axis is an error.
 *
 * @example
 * ```ts
 * ax.lax.argmax(ax.array([[1, 3, 3], [NaN, 0, NaN]]), 1); // [1, 0] int32
 * ```
 */
export function argmax(x: Array, axis: number, indexDtype: 'int32' = 'int32'): Array {
  return bind1(argmaxP, [x], { axis, indexDtype });
}

export const argminP = definePrimitive<PrimitiveParams['argmin']>({
  name: 'argmin',
  params: argRule('argmin'),
  abstractEval: argEval('argmin'),
  decompose: ([x], { axis }) => [firstIndexOf(x!, axis, reduceMin)],
});

/**
 * `lax.argmin`: the index of the first minimum along `axis`, which is dropped; the first NaN, if
 * any, counts as the minimum. An empty axis is an error.
 *
 * @example
 * ```ts
 * ax.lax.argmin(ax.array([2, 1, 1]), 0); // 1 int32
 * ```
 */
export function argmin(x: Array, axis: number, indexDtype: 'int32' = 'int32'): Array {
  return bind1(argminP, [x], { axis, indexDtype });
}

export const cumsumP = definePrimitive<PrimitiveParams['cumsum']>({
  name: 'cumsum',
  params: (raw: CumulativeParams, [x]) => {
    if (typeof raw.reverse !== 'boolean') {
      throw new ParameterError(`cumsum: reverse must be a boolean, got ${String(raw.reverse)}`);
    }
    return { axis: canonicalAxis('cumsum', raw.axis, x!), reverse: raw.reverse };
  },
  abstractEval: ([x]) => {
    checkOperandDType('cumsum', x!, NUMERIC);
    return [x!];
  },
  // Hillis-Steele scan: after the step that adds the copy shifted by `s`, each element holds the
  // sum of the 2s elements ending at it. Shifted-in elements are -0, the exact float identity
  // (-0 + -0 stays -0), and adding it first gives a fresh result even for a length-1 axis.
  decompose: ([x], { axis, reverse }) => {
    const n = x!.shape[axis]!;
    const identity = full([], x!.dtype === 'float32' ? -0 : 0, x!.dtype);
    let y = add(x!, broadcastInDim(identity, x!.shape, []));
    for (let shift = 1; shift < n; shift *= 2) {
      const config = x!.shape.map((_, i): [number, number, number] =>
        i !== axis ? [0, 0, 0] : reverse ? [-shift, shift, 0] : [shift, -shift, 0],
      );
      y = add(y, pad(y, identity, config));
    }
    return [y];
  },
});

/**
 * `lax.cumsum`: running sums along `axis` (from the end when `reverse`), same shape and dtype;
 * integers wrap.
 *
 * @example
 * ```ts
 * ax.lax.cumsum(ax.array([1, 2, 3]), 0);       // [1, 3, 6]
 * ax.lax.cumsum(ax.array([1, 2, 3]), 0, true); // [6, 5, 3]
 * ```
 */
export function cumsum(x: Array, axis: number, reverse = false): Array {
  return bind1(cumsumP, [x], { axis, reverse });
}
