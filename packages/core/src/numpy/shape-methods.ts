import { Array, type Nested } from '../array.js';
import { tidy } from '../eager.js';
import { reshape as laxReshape } from '../lax/shape.js';
import { slice } from '../lax/slicing.js';
import type { Shape } from '../shape.js';
import { take, type TakeOptions } from './indexing.js';
import { expandDims, ravel, reshape, squeeze, transpose, type Axes } from './shape.js';

declare module '../array.js' {
  interface Array {
    /** `ax.reshape(this, shape)`; the sizes may also be given as arguments. @example `x.reshape(2, -1)` */
    reshape(shape: number | Shape): Array;
    reshape(...shape: number[]): Array;
    /** `ax.transpose(this, axes)`, reversing the axes by default. @example `x.transpose([1, 0])` */
    transpose(axes?: readonly number[]): Array;
    /** `ax.squeeze(this, axis)`. @example `x.squeeze(0)` */
    squeeze(axis?: Axes): Array;
    /** `ax.expandDims(this, axis)`. @example `x.expandDims(-1)` */
    expandDims(axis: Axes): Array;
    /** `ax.ravel(this)`: the elements as a 1-D array. @example `x.flatten()` */
    flatten(): Array;
    /** `ax.take(this, indices, axis, options)`. @example `x.take([0, 2], 1)` */
    take(indices: Array | number | Nested<number>, axis?: number | null, options?: TakeOptions): Array;
    /** `ax.transpose(this)`: the axes reversed. @example `x.T` */
    readonly T: Array;
    /**
     * The sub-arrays along the first axis, as iterating a JAX array gives them, so that
     * `const [k1, k2] = ax.random.split(key)` unpacks. A scalar is not iterable.
     */
    [Symbol.iterator](): Iterator<Array>;
  }
}

// Methods delegate to the numpy-style functions, so `x.reshape(s)` and `ax.reshape(x, s)` cannot differ.
Array.prototype.reshape = function (this: Array, ...shape: (number | Shape)[]): Array {
  const [first] = shape;
  return reshape(this, shape.length === 1 && first !== undefined ? first : (shape as number[]));
};
Array.prototype.transpose = function (this: Array, axes?: readonly number[]): Array {
  return transpose(this, axes);
};
Array.prototype.squeeze = function (this: Array, axis?: Axes): Array {
  return squeeze(this, axis);
};
Array.prototype.expandDims = function (this: Array, axis: Axes): Array {
  return expandDims(this, axis);
};
Array.prototype.flatten = function (this: Array): Array {
  return ravel(this);
};
Array.prototype.take = function (
  this: Array,
  indices: Array | number | Nested<number>,
  axis?: number | null,
  options?: TakeOptions,
): Array {
  return take(this, indices, axis, options);
};
Object.defineProperty(Array.prototype, 'T', {
  get(this: Array): Array {
    return transpose(this);
  },
  configurable: true,
});
Array.prototype[Symbol.iterator] = function* (this: Array): Generator<Array> {
  if (this.ndim === 0) throw new TypeError(`cannot iterate over a scalar (shape []) array`);
  const [n, ...rest] = this.shape;
  for (let i = 0; i < n!; i++) {
    yield tidy(() => laxReshape(slice(this, [i, ...rest.map(() => 0)], [i + 1, ...rest]), rest));
  }
};
