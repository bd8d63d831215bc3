import { Array } from '../array.js';
import type { Axis, ReduceOptions } from './reduce-axis.js';
import { all, any, argmax, argmin, cumsum, max, min, prod, sum, type ExtremumOptions } from './reductions.js';
import { mean, std, var as variance, type VarianceOptions } from './statistics.js';

declare module '../array.js' {
  interface Array {
    /** `ax.sum(this, axis, options)`. @example `x.sum(-1, { keepdims: true })` */
    sum(axis?: Axis, options?: ReduceOptions): Array;
    /** `ax.mean(this, axis, options)`. @example `x.mean(0)` */
    mean(axis?: Axis, options?: ReduceOptions): Array;
    /** `ax.max(this, axis, options)`. @example `x.max()` */
    max(axis?: Axis, options?: ExtremumOptions): Array;
    /** `ax.min(this, axis, options)`. @example `x.min(1)` */
    min(axis?: Axis, options?: ExtremumOptions): Array;
    /** `ax.prod(this, axis, options)`. @example `x.prod([0, 1])` */
    prod(axis?: Axis, options?: ReduceOptions): Array;
    /** `ax.argmax(this, axis, options)`. @example `logits.argmax(-1)` */
    argmax(axis?: number | null, options?: ReduceOptions): Array;
    /** `ax.argmin(this, axis, options)`. @example `x.argmin()` */
    argmin(axis?: number | null, options?: ReduceOptions): Array;
    /** `ax.all(this, axis, options)`. @example `x.all()` */
    all(axis?: Axis, options?: ReduceOptions): Array;
    /** `ax.any(this, axis, options)`. @example `x.any(0)` */
    any(axis?: Axis, options?: ReduceOptions): Array;
    /** `ax.cumsum(this, axis)`. @example `x.cumsum(0)` */
    cumsum(axis?: number | null): Array;
    /** `ax.var(this, axis, options)`. @example `x.var(0, { ddof: 1 })` */
    var(axis?: Axis, options?: VarianceOptions): Array;
    /** `ax.std(this, axis, options)`. @example `x.std()` */
    std(axis?: Axis, options?: VarianceOptions): Array;
  }
}

// Methods delegate to the numpy-style functions, so `x.sum()` and `ax.sum(x)` cannot differ.
Array.prototype.sum = function (this: Array, axis?: Axis, options?: ReduceOptions): Array {
  return sum(this, axis, options);
};
Array.prototype.mean = function (this: Array, axis?: Axis, options?: ReduceOptions): Array {
  return mean(this, axis, options);
};
Array.prototype.max = function (this: Array, axis?: Axis, options?: ExtremumOptions): Array {
  return max(this, axis, options);
};
Array.prototype.min = function (this: Array, axis?: Axis, options?: ExtremumOptions): Array {
  return min(this, axis, options);
};
Array.prototype.prod = function (this: Array, axis?: Axis, options?: ReduceOptions): Array {
  return prod(this, axis, options);
};
Array.prototype.argmax = function (this: Array, axis?: number | null, options?: ReduceOptions): Array {
  return argmax(this, axis, options);
};
Array.prototype.argmin = function (this: Array, axis?: number | null, options?: ReduceOptions): Array {
  return argmin(this, axis, options);
};
Array.prototype.all = function (this: Array, axis?: Axis, options?: ReduceOptions): Array {
  return all(this, axis, options);
};
Array.prototype.any = function (this: Array, axis?: Axis, options?: ReduceOptions): Array {
  return any(this, axis, options);
};
Array.prototype.cumsum = function (this: Array, axis?: number | null): Array {
  return cumsum(this, axis);
};
Array.prototype.var = function (this: Array, axis?: Axis, options?: VarianceOptions): Array {
  return variance(this, axis, options);
};
Array.prototype.std = function (this: Array, axis?: Axis, options?: VarianceOptions): Array {
  return std(this, axis, options);
};
