import { Array } from '../array.js';
import { relu, sigmoid } from './activations.js';
import { cos, exp, log, reciprocal, sin, sqrt, tanh } from './transcendental.js';
import { abs, ceil, floor, negative, round, sign, square } from './unary.js';

declare module '../array.js' {
  interface Array {
    /** `ax.negative(this)`. @example `x.neg()` */
    neg(): Array;
    /** `ax.abs(this)`. @example `x.abs()` */
    abs(): Array;
    /** `ax.sign(this)`. @example `x.sign()` */
    sign(): Array;
    /** `ax.exp(this)`. @example `x.exp()` */
    exp(): Array;
    /** `ax.log(this)`. @example `x.log()` */
    log(): Array;
    /** `ax.sqrt(this)`. @example `x.sqrt()` */
    sqrt(): Array;
    /** `ax.square(this)`. @example `x.square()` */
    square(): Array;
    /** `ax.sin(this)`. @example `x.sin()` */
    sin(): Array;
    /** `ax.cos(this)`. @example `x.cos()` */
    cos(): Array;
    /** `ax.tanh(this)`. @example `x.tanh()` */
    tanh(): Array;
    /** `ax.floor(this)`. @example `x.floor()` */
    floor(): Array;
    /** `ax.ceil(this)`. @example `x.ceil()` */
    ceil(): Array;
    /** `ax.round(this, decimals)` (ties to even). @example `x.round(2)` */
    round(decimals?: number): Array;
    /** `ax.reciprocal(this)`. @example `x.reciprocal()` */
    reciprocal(): Array;
    /** `ax.relu(this)`. @example `x.relu()` */
    relu(): Array;
    /** `ax.sigmoid(this)`. @example `x.sigmoid()` */
    sigmoid(): Array;
  }
}

// Methods delegate to the numpy-style functions, so `x.exp()` and `ax.exp(x)` cannot differ.
Array.prototype.neg = function (this: Array): Array {
  return negative(this);
};
Array.prototype.abs = function (this: Array): Array {
  return abs(this);
};
Array.prototype.sign = function (this: Array): Array {
  return sign(this);
};
Array.prototype.exp = function (this: Array): Array {
  return exp(this);
};
Array.prototype.log = function (this: Array): Array {
  return log(this);
};
Array.prototype.sqrt = function (this: Array): Array {
  return sqrt(this);
};
Array.prototype.square = function (this: Array): Array {
  return square(this);
};
Array.prototype.sin = function (this: Array): Array {
  return sin(this);
};
Array.prototype.cos = function (this: Array): Array {
  return cos(this);
};
Array.prototype.tanh = function (this: Array): Array {
  return tanh(this);
};
Array.prototype.floor = function (this: Array): Array {
  return floor(this);
};
Array.prototype.ceil = function (this: Array): Array {
  return ceil(this);
};
Array.prototype.round = function (this: Array, decimals?: number): Array {
  return round(this, decimals);
};
Array.prototype.reciprocal = function (this: Array): Array {
  return reciprocal(this);
};
Array.prototype.relu = function (this: Array): Array {
  return relu(this);
};
Array.prototype.sigmoid = function (this: Array): Array {
  return sigmoid(this);
};
