import { Array, type ArrayLike } from '../array.js';
import type { DType } from '../dtype.js';
import { add, divide, maximum, minimum, multiply, power, remainder, subtract } from './arithmetic.js';
import { astype } from './astype.js';
import { equal, greater, greaterEqual, less, lessEqual, notEqual } from './comparison.js';

declare module '../array.js' {
  interface Array {
    /** `ax.add(this, y)`. @example `x.add(1)` */
    add(y: ArrayLike): Array;
    /** `ax.subtract(this, y)`. @example `x.sub(1)` */
    sub(y: ArrayLike): Array;
    /** `ax.multiply(this, y)`. @example `x.mul(2)` */
    mul(y: ArrayLike): Array;
    /** `ax.divide(this, y)` (true division). @example `x.div(2)` */
    div(y: ArrayLike): Array;
    /** `ax.power(this, y)`. @example `x.pow(2)` */
    pow(y: ArrayLike): Array;
    /** `ax.remainder(this, y)` (sign of the divisor). @example `x.mod(3)` */
    mod(y: ArrayLike): Array;
    /** `ax.maximum(this, y)`. @example `x.maximum(0)` */
    maximum(y: ArrayLike): Array;
    /** `ax.minimum(this, y)`. @example `x.minimum(1)` */
    minimum(y: ArrayLike): Array;
    /** `ax.equal(this, y)`. @example `x.eq(0)` */
    eq(y: ArrayLike): Array;
    /** `ax.notEqual(this, y)`. @example `x.ne(0)` */
    ne(y: ArrayLike): Array;
    /** `ax.less(this, y)`. @example `x.lt(0)` */
    lt(y: ArrayLike): Array;
    /** `ax.lessEqual(this, y)`. @example `x.le(0)` */
    le(y: ArrayLike): Array;
    /** `ax.greater(this, y)`. @example `x.gt(0)` */
    gt(y: ArrayLike): Array;
    /** `ax.greaterEqual(this, y)`. @example `x.ge(0)` */
    ge(y: ArrayLike): Array;
    /** `ax.astype(this, dtype)`: values converted to `dtype`. @example `x.astype('int32')` */
    astype(dtype: DType): Array;
  }
}

// Methods delegate to the numpy-style functions, so `x.add(y)` and `ax.add(x, y)` cannot differ.
Array.prototype.add = function (this: Array, y: ArrayLike): Array {
  return add(this, y);
};
Array.prototype.sub = function (this: Array, y: ArrayLike): Array {
  return subtract(this, y);
};
Array.prototype.mul = function (this: Array, y: ArrayLike): Array {
  return multiply(this, y);
};
Array.prototype.div = function (this: Array, y: ArrayLike): Array {
  return divide(this, y);
};
Array.prototype.pow = function (this: Array, y: ArrayLike): Array {
  return power(this, y);
};
Array.prototype.mod = function (this: Array, y: ArrayLike): Array {
  return remainder(this, y);
};
Array.prototype.maximum = function (this: Array, y: ArrayLike): Array {
  return maximum(this, y);
};
Array.prototype.minimum = function (this: Array, y: ArrayLike): Array {
  return minimum(this, y);
};
Array.prototype.eq = function (this: Array, y: ArrayLike): Array {
  return equal(this, y);
};
Array.prototype.ne = function (this: Array, y: ArrayLike): Array {
  return notEqual(this, y);
};
Array.prototype.lt = function (this: Array, y: ArrayLike): Array {
  return less(this, y);
};
Array.prototype.le = function (this: Array, y: ArrayLike): Array {
  return lessEqual(this, y);
};
Array.prototype.gt = function (this: Array, y: ArrayLike): Array {
  return greater(this, y);
};
Array.prototype.ge = function (this: Array, y: ArrayLike): Array {
  return greaterEqual(this, y);
};
Array.prototype.astype = function (this: Array, dtype: DType): Array {
  return astype(this, dtype);
};
