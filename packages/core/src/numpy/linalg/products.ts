import type { Array, ArrayLike } from '../../array.js';
import { op } from '../../eager.js';
import { ParameterError, ShapeError } from '../../errors.js';
import { dotGeneral } from '../../lax/linalg.js';
import { reshape } from '../../lax/shape.js';
import { broadcastShapes, formatShape, normalizeAxes } from '../../shape.js';
import { multiply } from '../arithmetic.js';
import { broadcastTo } from '../convert.js';
import { contract, contractionOperands } from './contract.js';

const range = (start: number, n: number): number[] =>
  globalThis.Array.from({ length: n }, (_, i) => start + i);

/**
 * `jnp.matmul` (`@`): matrix product over the last two axes, with numpy's rules: a 1-D first
 * operand is a row vector and a 1-D second one a column vector (the added axis is removed again),
 * and leading batch axes broadcast. Scalars are an error (use `multiply`). Operands are promoted to
 * one dtype; integers wrap; bool is logical (or of ands).
 *
 * @example
 * ```ts
 * ax.matmul(ax.ones([5, 2, 3]), ax.ones([3, 4])).shape; // [5, 2, 4]
 * ax.matmul(ax.array([1, 2]), ax.array([[1, 0], [0, 1]])); // [1, 2]
 * ```
 */
export const matmul = op((x: ArrayLike, y: ArrayLike): Array => {
  const where = 'matmul';
  const {
    arrays: [a, b],
    finish,
  } = contractionOperands([x, y]);
  if (a!.ndim === 0 || b!.ndim === 0) {
    throw new ShapeError(
      `${where}: operands must have at least one axis, got ${a!.aval.describe()} and ${b!.aval.describe()}; use multiply for scalars`,
    );
  }
  const a2 = a!.ndim === 1 ? reshape(a!, [1, a!.shape[0]!]) : a!;
  const b2 = b!.ndim === 1 ? reshape(b!, [b!.shape[0]!, 1]) : b!;
  const k = a2.shape[a2.ndim - 1]!;
  if (k !== b2.shape[b2.ndim - 2]) {
    throw new ShapeError(
      `${where}: shapes ${a!.aval.describe()} and ${b!.aval.describe()} do not align: the first has ${k} ` +
        `along its last axis, the second ${b2.shape[b2.ndim - 2]} along its ${b!.ndim === 1 ? 'only' : 'second-to-last'} axis`,
    );
  }
  let out: Array;
  if (b2.ndim === 2) {
    // An unbatched right operand contracts directly, without materialising a broadcast copy.
    out = dotGeneral(a2, b2, [[a2.ndim - 1], [0]]);
  } else {
    const batch = broadcastShapes(
      `${where} (batch axes of ${a!.aval.describe()} and ${b!.aval.describe()})`,
      a2.shape.slice(0, -2),
      b2.shape.slice(0, -2),
    );
    const nb = batch.length;
    const la = broadcastTo(a2, [...batch, ...a2.shape.slice(-2)]);
    const lb = broadcastTo(b2, [...batch, ...b2.shape.slice(-2)]);
    out = dotGeneral(la, lb, [[nb + 1], [nb]], [range(0, nb), range(0, nb)]);
  }
  const shape = out.shape.filter(
    (_, i) => !(a!.ndim === 1 && i === out.ndim - 2) && !(b!.ndim === 1 && i === out.ndim - 1),
  );
  return finish(shape.length === out.ndim ? out : reshape(out, shape));
});

/**
 * `jnp.dot`: numpy's dot. Scalars multiply elementwise; two 1-D arrays give their inner product;
 * otherwise the last axis of `x` is contracted with the only axis of a 1-D `y`, or with the
 * second-to-last axis of `y`, and the output is `x`'s other axes followed by `y`'s.
 *
 * @example
 * ```ts
 * ax.dot(ax.array([1, 2, 3]), ax.array([4, 5, 6])); // 32
 * ax.dot(ax.ones([2, 3, 4]), ax.ones([5, 4, 6])).shape; // [2, 3, 5, 6]
 * ```
 */
export const dot = op((x: ArrayLike, y: ArrayLike): Array => {
  const {
    arrays: [a, b],
    finish,
  } = contractionOperands([x, y]);
  if (a!.ndim === 0 || b!.ndim === 0) return multiply(x, y);
  return finish(contract('dot', a!, b!, [a!.ndim - 1], [Math.max(b!.ndim - 2, 0)]));
});

/**
 * `jnp.vdot`: the inner product of `x` and `y` flattened (of equal size). There are no complex
 * dtypes, so there is nothing to conjugate.
 *
 * @example
 * ```ts
 * ax.vdot(ax.array([[1, 2], [3, 4]]), ax.array([[1, 1], [1, 1]])); // 10
 * ```
 */
export const vdot = op((x: ArrayLike, y: ArrayLike): Array => {
  const {
    arrays: [a, b],
    finish,
  } = contractionOperands([x, y]);
  if (a!.size !== b!.size) {
    throw new ShapeError(
      `vdot: operands ${a!.aval.describe()} and ${b!.aval.describe()} must have one size, got ${a!.size} and ${b!.size}`,
    );
  }
  return finish(dotGeneral(reshape(a!, [a!.size]), reshape(b!, [b!.size]), [[0], [0]]));
});

/**
 * `jnp.inner`: contracts the last axes of `x` and `y`; the output is `x`'s other axes followed by
 * `y`'s. Scalars multiply elementwise.
 *
 * @example
 * ```ts
 * ax.inner(ax.array([[1, 2], [3, 4]]), ax.array([1, 10])); // [21, 43]
 * ```
 */
export const inner = op((x: ArrayLike, y: ArrayLike): Array => {
  const {
    arrays: [a, b],
    finish,
  } = contractionOperands([x, y]);
  if (a!.ndim === 0 || b!.ndim === 0) return multiply(x, y);
  return finish(contract('inner', a!, b!, [a!.ndim - 1], [b!.ndim - 1]));
});

/**
 * `jnp.outer`: `x` and `y` flattened, every product `x[i] * y[j]` as a `[x.size, y.size]` array.
 *
 * @example
 * ```ts
 * ax.outer(ax.array([1, 2]), ax.array([1, 10, 100])); // [[1, 10, 100], [2, 20, 200]]
 * ```
 */
export const outer = op((x: ArrayLike, y: ArrayLike): Array => {
  const {
    arrays: [a, b],
    finish,
  } = contractionOperands([x, y]);
  return finish(dotGeneral(reshape(a!, [a!.size]), reshape(b!, [b!.size]), [[], []]));
});

/** The axes argument of {@link tensordot}. */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

/**
 * `jnp.tensordot`: contracts the last `axes` axes of `x` with the first `axes` of `y` (default 2),
 * or the axes listed as `[xAxes, yAxes]` pairwise; the output is `x`'s remaining axes followed by
 * `y`'s.
 *
 * @example
 * ```ts
 * ax.tensordot(ax.ones([2, 3, 4]), ax.ones([3, 4, 5])).shape; // [2, 5]
 * ax.tensordot(a, b, [[0], [1]]); // contract a's axis 0 with b's axis 1
 * ```
 */
export const tensordot = op((x: ArrayLike, y: ArrayLike, axes: TensordotAxes = 2): Array => {
  const where = 'tensordot';
  const {
    arrays: [a, b],
    finish,
  } = contractionOperands([x, y]);
  let aAxes: number[];
  let bAxes: number[];
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes) || axes < 0 || axes > a!.ndim || axes > b!.ndim) {
      throw new ParameterError(
        `${where}: axes ${axes} must be an integer in [0, ${Math.min(a!.ndim, b!.ndim)}] for ${a!.aval.describe()} and ${b!.aval.describe()}`,
      );
    }
    aAxes = range(a!.ndim - axes, axes);
    bAxes = range(0, axes);
  } else {
    const list = (v: number | readonly number[]): readonly number[] => (typeof v === 'number' ? [v] : v);
    aAxes = normalizeAxes(list(axes[0]), a!.ndim, where, 'axes[0]');
    bAxes = normalizeAxes(list(axes[1]), b!.ndim, where, 'axes[1]');
    if (aAxes.length !== bAxes.length) {
      throw new ParameterError(
        `${where}: axes ${formatShape(list(axes[0]))} and ${formatShape(list(axes[1]))} must pair up, one axis of each operand`,
      );
    }
  }
  return finish(contract(where, a!, b!, aAxes, bAxes));
});
