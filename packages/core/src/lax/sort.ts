import type { Array } from '../array.js';
import { full } from '../creation.js';
import type { DType } from '../dtype.js';
import { ParameterError, ShapeError } from '../errors.js';
import { bind } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { PrimitiveParams } from '../primitives/params.js';
import { shapeEqual } from '../shape.js';
import { and, cast, eq, lt, ne, or, select } from './elementwise.js';
import { canonicalAxis } from './reduce-axes.js';
import { reduceMax, reduceSum } from './reductions.js';
import { broadcastInDim, iota } from './shape.js';

/** The smallest value of each dtype `reduceMax` takes, which loses to every element. */
const LOWEST: Record<Exclude<DType, 'bool'>, number> = { float32: -Infinity, int32: -(2 ** 31), uint32: 0 };

/**
 * The sort decomposition works on pairs `(i, j)` of positions along `dimension`, in the operand
 * shape with a second copy of that axis inserted after it: `i` runs along `dimension`, `j` along
 * `dimension + 1`. These spread an operand along one of the two.
 */
function pairs(
  x: Array,
  dimension: number,
): { alongI: (y: Array) => Array; alongJ: (y: Array) => Array; shape: number[] } {
  const n = x.shape[dimension]!;
  const shape = [...x.shape.slice(0, dimension + 1), n, ...x.shape.slice(dimension + 1)];
  const dims = (at: number): number[] =>
    x.shape.map((_, a) => (a < dimension ? a : a === dimension ? at : a + 1));
  return {
    shape,
    alongI: (y) => broadcastInDim(y, shape, dims(dimension)),
    alongJ: (y) => broadcastInDim(y, shape, dims(dimension + 1)),
  };
}

/** `a` sorts strictly before `b` (NaN after everything), and `a` ties with `b` (NaN ties NaN). */
function order(a: Array, b: Array): { before: Array; tie: Array } {
  if (a.dtype !== 'float32') return { before: lt(a, b), tie: eq(a, b) };
  const aNaN = ne(a, a);
  const bNaN = ne(b, b);
  return { before: or(lt(a, b), and(bNaN, eq(a, a))), tie: or(eq(a, b), and(aNaN, bNaN)) };
}

/** `x` with the element of rank `r` moved to position `r`, by a one-hot max over positions `j`. */
function permute(x: Array, dimension: number, rank: Array): Array {
  if (x.dtype === 'bool') return cast(permute(cast(x, 'uint32'), dimension, rank), 'bool');
  const { alongJ, shape } = pairs(x, dimension);
  const lands = eq(alongJ(rank), iota('int32', shape, dimension));
  const lowest = full(shape, LOWEST[x.dtype], x.dtype);
  return reduceMax(select(lands, alongJ(x), lowest), [dimension + 1]);
}

export const sortP = definePrimitive<PrimitiveParams['sort']>({
  name: 'sort',
  params: (raw, operands) => {
    if (operands.length === 0) throw new ParameterError('sort: needs at least one operand');
    const { numKeys } = raw;
    if (!Number.isInteger(numKeys) || numKeys < 1 || numKeys > operands.length) {
      throw new ParameterError(
        `sort: numKeys ${numKeys} must be an integer in [1, ${operands.length}] (the number of operands)`,
      );
    }
    return { dimension: canonicalAxis('sort', raw.dimension, operands[0]!, 'dimension'), numKeys };
  },
  abstractEval: (operands) => {
    const first = operands[0]!;
    if (!operands.every((x) => shapeEqual(x.shape, first.shape))) {
      throw new ShapeError(
        `sort: operands must have equal shapes, got ${operands.map((x) => x.describe()).join(' and ')}`,
      );
    }
    return [...operands];
  },
  // O(n^2) ranks: element i's rank is the number of j that sort before it, ties broken by
  // position (stability); each operand is then moved by rank.
  decompose: (operands, { dimension, numKeys }) => {
    const first = operands[0]!;
    const { alongI, alongJ, shape } = pairs(first, dimension);
    let jFirst = lt(iota('int32', shape, dimension + 1), iota('int32', shape, dimension));
    for (let k = numKeys - 1; k >= 0; k--) {
      const { before, tie } = order(alongJ(operands[k]!), alongI(operands[k]!));
      jFirst = or(before, and(tie, jFirst));
    }
    const rank = reduceSum(cast(jFirst, 'int32'), [dimension + 1]);
    return operands.map((x) => permute(x, dimension, rank));
  },
});

/**
 * `lax.sort`: stable sort of same-shaped `operands` along `dimension`, ordered lexicographically
 * by the first `numKeys` of them; the others follow the same permutation. NaN sorts last and
 * `-0` ties with `0`.
 *
 * @example
 * ```ts
 * const [keys, values] = ax.lax.sort([ax.array([3, 1, 2]), ax.array([0, 1, 2], 'int32')], 0);
 * // keys [1, 2, 3], values [1, 2, 0]
 * ```
 */
export function sort(operands: readonly Array[], dimension = -1, numKeys = 1): Array[] {
  return bind(sortP, operands, { dimension, numKeys });
}
