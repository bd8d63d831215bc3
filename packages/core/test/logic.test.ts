import { beforeEach, describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, i32, u32 } from './helpers.js';

beforeEach(() => {
  ax.setBackend('cpu');
});

describe('comparisons', () => {
  it('broadcast, give bool, and are false with NaN except notEqual', () => {
    const x = f32(1, 2, NaN);
    expect(ax.equal(x, 2).arraySync()).toEqual([false, true, false]);
    expect(ax.notEqual(x, 2).arraySync()).toEqual([true, false, true]);
    expect(ax.less(x, 2).arraySync()).toEqual([true, false, false]);
    expect(ax.lessEqual(x, 2).arraySync()).toEqual([true, true, false]);
    expect(ax.greater(x, 2).arraySync()).toEqual([false, false, false]);
    expect(ax.greaterEqual(x, 2).arraySync()).toEqual([false, true, false]);
    expect(ax.less(ax.array([[1], [3]]), ax.array([2, 3])).arraySync()).toEqual([
      [true, true],
      [false, false],
    ]);
  });
  it('promote before comparing: int32 against 1.5 compares in float32', () => {
    expect(ax.less(i32(1, 2), 1.5).arraySync()).toEqual([true, false]);
    expect(ax.equal(i32(1, 2), 1.5).arraySync()).toEqual([false, false]);
  });
  it('compare uint32 with int32 in int32 (JAX without x64), so 2^32 - 1 reads as -1', () => {
    expect(ax.less(u32(4294967295), i32(0)).arraySync()).toEqual([true]);
  });
  it('are available as Array methods', () => {
    const x = i32(1, 2, 3);
    expect(x.eq(2).arraySync()).toEqual([false, true, false]);
    expect(x.ne(2).arraySync()).toEqual([true, false, true]);
    expect(x.lt(2).arraySync()).toEqual([true, false, false]);
    expect(x.le(2).arraySync()).toEqual([true, true, false]);
    expect(x.gt(2).arraySync()).toEqual([false, false, true]);
    expect(x.ge(2).arraySync()).toEqual([false, true, true]);
  });
  it('name both shapes when they cannot broadcast', () => {
    expect(() => ax.greater(ax.zeros([2]), ax.zeros([3]))).toThrow(
      /greater: shapes \[2\] and \[3\] cannot be broadcast/,
    );
  });
});

describe('logical operations', () => {
  it('take nonzero (NaN included) as true and broadcast', () => {
    expect(ax.logicalAnd(f32(0, 1, NaN), true).arraySync()).toEqual([false, true, true]);
    expect(ax.logicalOr(i32(0, 0, 3), i32(0, 1, 0)).arraySync()).toEqual([false, true, true]);
    expect(ax.logicalXor(f32(0, 1, 2), 1).arraySync()).toEqual([true, false, false]);
    expect(ax.logicalAnd(ax.array([[true], [false]]), ax.array([true, false])).arraySync()).toEqual([
      [true, false],
      [false, false],
    ]);
  });
});

describe('bitwise operations', () => {
  it('work on int32, uint32 and bool', () => {
    expect(ax.bitwiseAnd(i32(12, -1), 10).arraySync()).toEqual([8, 10]);
    expect(ax.bitwiseOr(i32(12, -1), 10).arraySync()).toEqual([14, -1]);
    expect(ax.bitwiseXor(u32(0xffffffff), 1).arraySync()).toEqual([0xfffffffe]);
    expect(ax.bitwiseAnd(ax.array([true, false]), true).arraySync()).toEqual([true, false]);
  });
  it('reject float operands, naming the function and dtypes', () => {
    expect(() => ax.bitwiseAnd(f32(1), 1)).toThrow(
      /bitwiseAnd: operands \(float32 and number\) promote to float32; bitwiseAnd accepts bool, int32, uint32/,
    );
    expect(() => ax.bitwiseOr(i32(1), 0.5)).toThrow(ax.DTypeError);
  });
});

describe('shifts', () => {
  it('leftShift drops shifted-out bits and gives 0 past 31', () => {
    expect(ax.leftShift(i32(1, 3, 1, 1), i32(4, 30, 32, -1)).arraySync()).toEqual([16, -1073741824, 0, 0]);
  });
  it('rightShift is arithmetic for int32 and logical for uint32', () => {
    expect(ax.rightShift(i32(-16, 16, -1), i32(2, 2, 40)).arraySync()).toEqual([-4, 4, -1]);
    expect(ax.rightShift(u32(4294967280), 4).arraySync()).toEqual([268435455]);
  });
  it('promote bool to int32 and reject floats', () => {
    const y = ax.leftShift(ax.array([true]), 3);
    expect([y.dtype, y.arraySync()]).toEqual(['int32', [8]]);
    expect(() => ax.rightShift(f32(8), 1)).toThrow(
      /rightShift: operands \(float32 and number\) promote to float32/,
    );
  });
});

describe('where', () => {
  it('broadcasts cond, x and y together', () => {
    const y = ax.where(ax.array([[true], [false]]), ax.array([1, 2]), 0);
    expect(y.arraySync()).toEqual([
      [1, 2],
      [0, 0],
    ]);
  });
  it('takes a numeric cond as != 0 (NaN is true) and promotes x with y', () => {
    const y = ax.where(f32(0, NaN, 2), i32(1, 2, 3), 0.5);
    expect([y.dtype, y.arraySync()]).toEqual(['float32', [0.5, 2, 3]]);
    expect(ax.where(true, 1, 2).item()).toBe(1);
  });
  it('names the shapes that cannot broadcast', () => {
    expect(() => ax.where(ax.array([true, false]), ax.zeros([3]), 0)).toThrow(
      /where: shapes \[2\] and \[3\] and \[\] cannot be broadcast together/,
    );
  });
});

describe('astype', () => {
  it('converts values as lax.cast does', () => {
    expect(ax.astype(f32(1.9, -1.9, NaN, 3e9), 'int32').arraySync()).toEqual([1, -1, 0, 2147483647]);
    expect(ax.astype(i32(-1), 'uint32').arraySync()).toEqual([4294967295]);
    expect(f32(0, 2).astype('bool').arraySync()).toEqual([false, true]);
  });
  it('rejects an unknown dtype', () => {
    expect(() => ax.astype(f32(1), 'int8' as ax.DType)).toThrow(/astype: unknown dtype "int8"/);
  });
});
