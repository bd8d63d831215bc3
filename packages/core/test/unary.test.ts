import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { values } from './helpers.js';
import { expectClose, ULP } from './unary-helpers.js';

// numpy-style unary functions on 'cpu'. Expected values are written out (float32 of the true value
// via Math.fround); functions built from several primitives are checked to the relative tolerance
// stated in each test.
const f = Math.fround;
const INF = Infinity;

describe('float functions promote integer and bool inputs to float32', () => {
  it('exp, sqrt, log, sin of int32 and bool give float32', () => {
    const e = ax.exp(ax.array([0, 1], 'int32'));
    expect(e.dtype).toBe('float32');
    expect(values(e)).toEqual([1, f(Math.E)]);
    expect(values(ax.sqrt(ax.array([4, 9], 'int32')))).toEqual([2, 3]);
    expect(ax.log(ax.array([true, false])).dtype).toBe('float32');
    expect(values(ax.log(ax.array([true, false])))).toEqual([0, -INF]);
    expect(ax.sin(ax.array([0], 'uint32')).dtype).toBe('float32');
  });

  it('accepts JS numbers as float32 scalars', () => {
    const y = ax.exp(1);
    expect(y.shape).toEqual([]);
    expect(y.dtype).toBe('float32');
    expect(y.item()).toBe(f(Math.E));
  });

  it('reciprocal converts integers first, as in JAX', () => {
    expect(values(ax.reciprocal(ax.array([4, 0], 'int32')))).toEqual([0.25, INF]);
  });
});

describe('sign and magnitude functions keep the dtype', () => {
  it('negative wraps integers and flips zeros', () => {
    expect(values(ax.negative(ax.array([1, -0])))).toEqual([-1, 0]);
    const i = ax.negative(ax.array([5, -2147483648], 'int32'));
    expect(i.dtype).toBe('int32');
    expect(values(i)).toEqual([-5, -2147483648]);
    expect(values(ax.negative(ax.array([1], 'uint32')))).toEqual([4294967295]);
  });

  it('positive returns the values unchanged', () => {
    expect(values(ax.positive(ax.array([-1, 2], 'int32')))).toEqual([-1, 2]);
    expect(ax.positive(ax.array([true])).dtype).toBe('bool');
  });

  it('abs and absolute: abs(-0) = 0, INT32_MIN wraps, bool and uint32 unchanged', () => {
    expect(values(ax.abs(ax.array([-2, -0, NaN, -INF])))).toEqual([2, 0, NaN, INF]);
    expect(values(ax.absolute(ax.array([-3, -2147483648], 'int32')))).toEqual([3, -2147483648]);
    expect(ax.abs(ax.array([true, false])).dtype).toBe('bool');
    expect(values(ax.abs(ax.array([4294967295], 'uint32')))).toEqual([4294967295]);
  });

  it('sign: -1, 0, 1, with sign(-0) = -0 and NaN kept', () => {
    expect(values(ax.sign(ax.array([-3, -0, 0, 2.5, NaN])))).toEqual([-1, -0, 0, 1, NaN]);
    expect(values(ax.sign(ax.array([-7, 0, 9], 'int32')))).toEqual([-1, 0, 1]);
  });

  it('square keeps integers (wrapping) and computes bool as int32', () => {
    expect(values(ax.square(ax.array([-3, 0.5])))).toEqual([9, 0.25]);
    // 46341^2 = 2147488281 wraps to 2147488281 - 2^32.
    const i = ax.square(ax.array([-3, 46341], 'int32'));
    expect(i.dtype).toBe('int32');
    expect(values(i)).toEqual([9, -2147479015]);
    const b = ax.square(ax.array([true, false]));
    expect(b.dtype).toBe('int32');
    expect(values(b)).toEqual([1, 0]);
  });

  it('negative and sign reject bool, naming the function', () => {
    expect(() => ax.negative(ax.array([true]))).toThrow(/negative: bool arrays are not supported/);
    expect(() => ax.sign(ax.array([true]))).toThrow(/sign: bool arrays are not supported/);
  });
});

describe('rounding', () => {
  it('floor, ceil, trunc keep the sign of zero and pass NaN and infinities', () => {
    const x = ax.array([1.7, -1.7, -0.5, 0.5, NaN, -INF]);
    expect(values(ax.floor(x))).toEqual([1, -2, -1, 0, NaN, -INF]);
    expect(values(ax.ceil(x))).toEqual([2, -1, -0, 1, NaN, -INF]);
    expect(values(ax.trunc(x))).toEqual([1, -1, -0, 0, NaN, -INF]);
  });

  it('round ties to even and keeps -0', () => {
    expect(values(ax.round(ax.array([0.5, 1.5, 2.5, -0.5, -2.5, -0.3])))).toEqual([0, 2, 2, -0, -2, -0]);
  });

  it('round with decimals scales, rounds to even and scales back', () => {
    // 12.5 -> 12, 13.5 -> 14 (1.35 is 1.35000002 in float32), -1.25 -> -1.
    expect(values(ax.round(ax.array([1.25, 1.35, -0.125]), 1))).toEqual([f(1.2), f(1.4), f(-0.1)]);
    // 12.345678 -> 12, -12.5 -> -12, 13.5 -> 14.
    expect(values(ax.round(ax.array([1234.5678, -1250, 1350]), -2))).toEqual([1200, -1200, 1400]);
  });

  it('integer and bool inputs come back unchanged', () => {
    const i = ax.array([3, -4], 'int32');
    for (const fn of [ax.floor, ax.ceil, ax.trunc, ax.round]) {
      const y = fn(i);
      expect(y.dtype).toBe('int32');
      expect(values(y)).toEqual([3, -4]);
    }
    expect(ax.round(ax.array([true]), 2).dtype).toBe('bool');
  });

  it('round validates decimals', () => {
    expect(() => ax.round(ax.array([1.5]), 1.5)).toThrow(/round: decimals must be an integer, got 1.5/);
    expect(() => ax.round(ax.array([15], 'int32'), -1)).toThrow(
      /round: decimals -1 < 0 is not supported for int32 arrays/,
    );
  });
});

describe('predicates and logical functions', () => {
  const x = ax.array([0, -INF, 1, NaN, INF]);

  it('isFinite, isNan, isInf on float32', () => {
    expect(ax.isFinite(x).arraySync()).toEqual([true, false, true, false, false]);
    expect(ax.isNan(x).arraySync()).toEqual([false, false, false, true, false]);
    expect(ax.isInf(x).arraySync()).toEqual([false, true, false, false, true]);
  });

  it('on integers every value is finite and none is NaN or infinite', () => {
    const i = ax.array([1, -2], 'int32');
    expect(ax.isFinite(i).arraySync()).toEqual([true, true]);
    expect(ax.isNan(i).arraySync()).toEqual([false, false]);
    expect(ax.isInf(i).arraySync()).toEqual([false, false]);
  });

  it('logicalNot takes truth values (NaN is true)', () => {
    expect(ax.logicalNot(ax.array([0, 2, NaN, -0])).arraySync()).toEqual([true, false, false, true]);
    expect(ax.logicalNot(ax.array([true, false])).arraySync()).toEqual([false, true]);
  });

  it('bitwiseNot and invert on integers and bool; a JS integer is int32', () => {
    expect(values(ax.bitwiseNot(ax.array([0, 5, -1], 'int32')))).toEqual([-1, -6, 0]);
    expect(values(ax.invert(ax.array([0, 4294967295], 'uint32')))).toEqual([4294967295, 0]);
    expect(ax.invert(ax.array([true, false])).arraySync()).toEqual([false, true]);
    const s = ax.bitwiseNot(5);
    expect(s.dtype).toBe('int32');
    expect(s.item()).toBe(-6);
  });

  it('bitwiseNot rejects float32, naming itself', () => {
    expect(() => ax.bitwiseNot(ax.array([1.5]))).toThrow(
      /bitwiseNot: .*float32.*bitwiseNot accepts bool, int32, uint32/,
    );
  });
});

describe('exponentials, logarithms and their relatives', () => {
  it('exp2, expm1, log1p at hand-checked points', () => {
    expect(values(ax.exp2(ax.array([3, -1, 0.5])))).toEqual([8, 0.5, f(Math.SQRT2)]);
    expect(values(ax.expm1(ax.array([f(1e-10), -0, -INF])))).toEqual([f(1e-10), -0, -1]);
    expect(values(ax.log1p(ax.array([f(1e-10), -1, 1])))).toEqual([f(1e-10), -INF, f(Math.LN2)]);
  });

  it('log2 is exact at powers of two; log10 at powers of ten to 1 ulp', () => {
    expect(values(ax.log2(ax.array([8, 0.5, 1, 1024, 0, -1])))).toEqual([3, -1, 0, 10, -INF, NaN]);
    expectClose(ax.log10(ax.array([1000, 0.01, 1, 0])), [3, -2, 0, -INF], ULP);
  });

  it('sinh and cosh within 4 ulp relative, finite up to |x| = 89, sinh(-0) = -0', () => {
    const x = ax.array([0, -0, 1, -1, 10, 89, f(1e-5), 90, -INF, NaN]);
    expectClose(
      ax.sinh(x),
      [
        0,
        -0,
        1.1752011936438014,
        -1.1752011936438014,
        11013.232874703393,
        2.2448064095871724e38,
        f(1e-5),
        INF,
        -INF,
        NaN,
      ],
      4 * ULP,
    );
    expectClose(
      ax.cosh(x),
      [
        1,
        1,
        1.5430806348152437,
        1.5430806348152437,
        11013.232920103324,
        2.2448064095871724e38,
        1,
        INF,
        INF,
        NaN,
      ],
      4 * ULP,
    );
  });

  it('sqrt, rsqrt, sin, cos, tan, tanh, erf, erfInv at hand-checked points', () => {
    expect(values(ax.sqrt(ax.array([4, -0, -1])))).toEqual([2, -0, NaN]);
    expect(values(ax.rsqrt(ax.array([4, 0])))).toEqual([0.5, INF]);
    expect(values(ax.sin(ax.array([0, -0])))).toEqual([0, -0]);
    expect(values(ax.cos(ax.array([0, f(Math.PI)])))).toEqual([1, -1]);
    expect(values(ax.tan(ax.array([-0, f(Math.PI / 4)])))).toEqual([-0, 1]);
    expect(values(ax.tanh(ax.array([-0, 20, -INF])))).toEqual([-0, 1, -1]);
    expect(values(ax.erf(ax.array([0, 1, -INF])))).toEqual([0, f(0.8427007929497149), -1]);
    expect(values(ax.erfInv(ax.array([0.5, -1, 2])))).toEqual([f(0.4769362762044699), -INF, NaN]);
  });
});

describe('shapes and memory', () => {
  it('zero-size arrays and scalars keep their shape', () => {
    for (const fn of [ax.exp, ax.sinh, ax.round, ax.negative, ax.isNan, ax.logicalNot, ax.square]) {
      expect(fn(ax.zeros([2, 0])).shape).toEqual([2, 0]);
      expect(fn(ax.scalar(1)).shape).toEqual([]);
    }
  });

  it('frees the intermediates of composite functions', () => {
    const x = ax.array([-1, 0.5, 3]);
    const before = ax.memory().cpu!.buffers;
    const y = ax.cosh(x);
    expect(ax.memory().cpu!.buffers).toBe(before + 1);
    y.dispose();
    expect(ax.memory().cpu!.buffers).toBe(before);
  });
});

describe('Array methods delegate to the functions', () => {
  it('neg, abs, sign, square, floor, ceil, round, reciprocal', () => {
    const x = ax.array([-1.5, 0.25, 2.5]);
    expect(values(x.neg())).toEqual([1.5, -0.25, -2.5]);
    expect(values(x.abs())).toEqual([1.5, 0.25, 2.5]);
    expect(values(x.sign())).toEqual([-1, 1, 1]);
    expect(values(x.square())).toEqual([2.25, 0.0625, 6.25]);
    expect(values(x.floor())).toEqual([-2, 0, 2]);
    expect(values(x.ceil())).toEqual([-1, 1, 3]);
    expect(values(x.round())).toEqual([-2, 0, 2]);
    expect(values(x.round(1))).toEqual([-1.5, f(0.2), 2.5]);
    expect(values(x.reciprocal())).toEqual([f(-2 / 3), 4, f(0.4)]);
  });

  it('exp, log, sqrt, sin, cos, tanh, relu, sigmoid', () => {
    const x = ax.array([0, 1]);
    expect(values(x.exp())).toEqual([1, f(Math.E)]);
    expect(values(x.log())).toEqual([-INF, 0]);
    expect(values(x.sqrt())).toEqual([0, 1]);
    expect(values(x.sin())).toEqual([0, f(0.8414709848078965)]);
    expect(values(x.cos())).toEqual([1, f(0.5403023058681398)]);
    expect(values(x.tanh())).toEqual([0, f(0.7615941559557649)]);
    expect(values(ax.array([-2, 3]).relu())).toEqual([0, 3]);
    expect(values(x.sigmoid())).toEqual([0.5, f(0.7310585786300049)]);
  });
});
