import { beforeEach, describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, i32, u32, values } from './elementwise-helpers.js';
import { INT_MAX, INT_MIN, UINT_MAX } from './helpers.js';

beforeEach(() => {
  ax.setBackend('cpu');
});

const { lax } = ax;

describe('add', () => {
  it('adds float32 with IEEE special values', () => {
    expect(values(lax.add(f32(1.5, -0, Infinity, NaN, -0), f32(2, 0, -Infinity, 1, -0)))).toEqual([
      3.5,
      0,
      NaN,
      NaN,
      -0,
    ]);
  });
  it('wraps int32 and uint32', () => {
    expect(values(lax.add(i32(INT_MAX, -5), i32(1, 3)))).toEqual([INT_MIN, -2]);
    expect(values(lax.add(u32(UINT_MAX, 7), u32(1, 3)))).toEqual([0, 10]);
  });
  it('keeps scalar and zero-size shapes', () => {
    const s = lax.add(ax.scalar(2), ax.scalar(3));
    expect(s.shape).toEqual([]);
    expect(s.item()).toBe(5);
    const z = lax.add(ax.zeros([2, 0]), ax.zeros([2, 0]));
    expect(z.shape).toEqual([2, 0]);
    expect(values(z)).toEqual([]);
  });
});

describe('sub', () => {
  it('subtracts float32, keeping -0 - 0 = -0 and Infinity - Infinity = NaN', () => {
    expect(values(lax.sub(f32(1, 0, Infinity, -0), f32(3, 0, Infinity, 0)))).toEqual([-2, 0, NaN, -0]);
  });
  it('wraps int32 and uint32', () => {
    expect(values(lax.sub(i32(INT_MIN, 5), i32(1, 7)))).toEqual([INT_MAX, -2]);
    expect(values(lax.sub(u32(0, 5), u32(1, 3)))).toEqual([UINT_MAX, 2]);
  });
});

describe('mul', () => {
  it('multiplies float32 with signed zeros and Infinity * 0 = NaN', () => {
    expect(values(lax.mul(f32(1.5, -2, 0, Infinity), f32(2, 0, -1, 0)))).toEqual([3, -0, -0, NaN]);
  });
  it('wraps int32 and uint32 products mod 2^32', () => {
    expect(values(lax.mul(i32(65536, -3, INT_MAX), i32(65536, 5, 2)))).toEqual([0, -15, -2]);
    // 65537^2 = 4295098369 = 2^32 + 131073.
    expect(values(lax.mul(u32(65537, UINT_MAX), u32(65537, 2)))).toEqual([131073, UINT_MAX - 1]);
  });
});

describe('div', () => {
  it('divides float32 as IEEE', () => {
    expect(values(lax.div(f32(1, -1, 0, 7, 1), f32(0, 0, 0, 2, -0)))).toEqual([
      Infinity,
      -Infinity,
      NaN,
      3.5,
      -Infinity,
    ]);
  });
  it('truncates int32 toward zero, x / 0 = -1, INT_MIN / -1 = INT_MIN', () => {
    expect(values(lax.div(i32(7, -7, 7, -7, 5, INT_MIN, 0), i32(2, 2, -2, -2, 0, -1, 0)))).toEqual([
      3,
      -3,
      -3,
      3,
      -1,
      INT_MIN,
      -1,
    ]);
  });
  it('divides uint32 unsigned, x / 0 = 2^32 - 1', () => {
    expect(values(lax.div(u32(7, UINT_MAX, 5), u32(2, 2, 0)))).toEqual([3, 2147483647, UINT_MAX]);
  });
});

describe('rem', () => {
  it('is C fmod on float32 (dividend sign, NaN for x rem 0 and Infinity rem y)', () => {
    expect(values(lax.rem(f32(5.5, -5.5, 5, Infinity, 1, -0), f32(2, 2, 0, 2, Infinity, 3)))).toEqual([
      1.5,
      -1.5,
      NaN,
      NaN,
      1,
      -0,
    ]);
  });
  it('takes the dividend sign on int32, x rem 0 = x, INT_MIN rem -1 = 0', () => {
    expect(values(lax.rem(i32(7, -7, 7, -7, 5, INT_MIN), i32(2, 2, -2, -2, 0, -1)))).toEqual([
      1, -1, 1, -1, 5, 0,
    ]);
  });
  it('is unsigned on uint32', () => {
    expect(values(lax.rem(u32(7, UINT_MAX, 5), u32(2, 10, 0)))).toEqual([1, 5, 5]);
  });
});

describe('pow', () => {
  it('follows C pow on float32', () => {
    expect(
      values(lax.pow(f32(2, 2, 1, NaN, -1, 0, -8, 4), f32(10, -1, NaN, 0, Infinity, -1, 0.5, 0.5))),
    ).toEqual([1024, 0.5, 1, 1, 1, Infinity, NaN, 2]);
  });
  it('squares and wraps on int32; negative exponents give 0 except for bases 1 and -1', () => {
    // 3^20 = 3486784401 = 2^32 - 808182895; (-2)^31 = INT_MIN.
    expect(
      values(lax.pow(i32(2, -1, -1, 1, 2, 0, 3, 0, -2, -3), i32(10, -3, -2, -5, -1, 0, 20, 5, 31, 3))),
    ).toEqual([1024, -1, 1, 1, 0, 1, -808182895, 0, INT_MIN, -27]);
  });
  it('wraps on uint32', () => {
    // 3^21 = 10460353203 = 2 * 2^32 + 1870418611.
    expect(values(lax.pow(u32(2, 3, 0, 7), u32(31, 21, 0, 1)))).toEqual([2147483648, 1870418611, 1, 7]);
  });
});

describe('max and min', () => {
  it('propagate NaN and order -0 below +0 on float32', () => {
    expect(values(lax.max(f32(1, NaN, -0, 0, -Infinity, 3), f32(2, 1, 0, -0, -5, NaN)))).toEqual([
      2,
      NaN,
      0,
      0,
      -5,
      NaN,
    ]);
    expect(values(lax.min(f32(1, NaN, -0, 0, Infinity, 3), f32(2, 1, 0, -0, 5, NaN)))).toEqual([
      1,
      NaN,
      -0,
      -0,
      5,
      NaN,
    ]);
  });
  it('compare int32 signed and uint32 unsigned', () => {
    expect(values(lax.max(i32(-1, 5, INT_MIN), i32(-2, 7, INT_MAX)))).toEqual([-1, 7, INT_MAX]);
    expect(values(lax.min(i32(-1, 5, INT_MIN), i32(-2, 7, INT_MAX)))).toEqual([-2, 5, INT_MIN]);
    expect(values(lax.max(u32(UINT_MAX, 0, 3), u32(1, 0, 4)))).toEqual([UINT_MAX, 0, 4]);
    expect(values(lax.min(u32(UINT_MAX, 0, 3), u32(1, 0, 4)))).toEqual([1, 0, 3]);
  });
});

describe('atan2', () => {
  it('picks the quadrant from the signs, signed zeros included (within 1 float32 ulp)', () => {
    const out = values(lax.atan2(f32(1, 0, -0, 0, 1, -1, NaN), f32(1, -1, -1, 0, 0, -1, 1)));
    const expected = [Math.PI / 4, Math.PI, -Math.PI, 0, Math.PI / 2, (-3 * Math.PI) / 4];
    expected.forEach((e, i) => expect(Math.abs(out[i]! - e)).toBeLessThanOrEqual(Math.abs(e) * 2 ** -23));
    expect(Object.is(out[3], 0)).toBe(true);
    expect(out[6]).toBeNaN();
  });
});

describe('abstractEval errors', () => {
  it('names the primitive and both shapes on a shape mismatch', () => {
    expect(() => lax.add(ax.zeros([2]), ax.zeros([3]))).toThrow(
      /add: operands must have equal shapes, got float32\[2\] and float32\[3\]/,
    );
    expect(() => lax.sub(ax.zeros([2, 1]), ax.zeros([2]))).toThrow(/sub: .*float32\[2, 1\] and float32\[2\]/);
    expect(() => lax.pow(ax.zeros([1]), ax.zeros([]))).toThrow(ax.ShapeError);
  });
  it('rejects mixed dtypes, bool arithmetic and integer atan2', () => {
    expect(() => lax.mul(ax.zeros([2]), ax.zeros([2], 'int32'))).toThrow(
      /mul: operands must have equal dtypes, got float32\[2\] and int32\[2\]/,
    );
    expect(() => lax.add(ax.zeros([2], 'bool'), ax.zeros([2], 'bool'))).toThrow(
      /add: operand 0 has dtype bool; add accepts float32, int32, uint32/,
    );
    expect(() => lax.min(ax.zeros([2], 'bool'), ax.zeros([2], 'bool'))).toThrow(ax.DTypeError);
    expect(() => lax.atan2(ax.zeros([2], 'int32'), ax.zeros([2], 'int32'))).toThrow(
      /atan2: operand 0 has dtype int32; atan2 accepts float32/,
    );
  });
});
