import { Array, type ArrayLike } from '../array.js';
import { dot, matmul } from './linalg/products.js';

declare module '../array.js' {
  interface Array {
    /** `ax.matmul(this, y)`. @example `x.matmul(w)` */
    matmul(y: ArrayLike): Array;
    /** `ax.dot(this, y)`. @example `x.dot(y)` */
    dot(y: ArrayLike): Array;
  }
}

// Methods delegate to the numpy-style functions, so `x.matmul(y)` and `ax.matmul(x, y)` cannot differ.
Array.prototype.matmul = function (this: Array, y: ArrayLike): Array {
  return matmul(this, y);
};
Array.prototype.dot = function (this: Array, y: ArrayLike): Array {
  return dot(this, y);
};
