import { beforeEach, describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { bool, f32, i32, u32 } from './elementwise-helpers.js';

beforeEach(() => {
  ax.setBackend('cpu');
});

const { lax } = ax;

describe('comparisons', () => {
  it('compare float32 with NaN false except ne, and -0 equal to 0', () => {
    const x = f32(1, 2, NaN, -0, 3);
    const y = f32(2, 2, 1, 0, NaN);
    expect(lax.eq(x, y).arraySync()).toEqual([false, true, false, true, false]);
    expect(lax.ne(x, y).arraySync()).toEqual([true, false, true, false, true]);
    expect(lax.lt(x, y).arraySync()).toEqual([true, false, false, false, false]);
    expect(lax.le(x, y).arraySync()).toEqual([true, true, false, true, false]);
    expect(lax.gt(x, y).arraySync()).toEqual([false, false, false, false, false]);
    expect(lax.ge(x, y).arraySync()).toEqual([false, true, false, true, false]);
  });
  it('compare int32 signed, uint32 unsigned and bool with false < true', () => {
    expect(lax.lt(i32(-1, 5), i32(1, 5)).arraySync()).toEqual([true, false]);
    expect(lax.gt(u32(4294967295, 1), u32(1, 1)).arraySync()).toEqual([true, false]);
    expect(lax.ge(u32(4294967295, 1), u32(1, 2)).arraySync()).toEqual([true, false]);
    expect(lax.lt(bool(false, true), bool(true, true)).arraySync()).toEqual([true, false]);
    expect(lax.le(bool(true, true), bool(false, true)).arraySync()).toEqual([false, true]);
  });
  it('return bool of the operand shape, scalars and zero-size included', () => {
    const s = lax.eq(ax.scalar(1), ax.scalar(1));
    expect([s.shape, s.dtype, s.item()]).toEqual([[], 'bool', true]);
    const z = lax.lt(ax.zeros([0, 3]), ax.zeros([0, 3]));
    expect([z.shape, z.dtype]).toEqual([[0, 3], 'bool']);
  });
  it('name the primitive and shapes on a mismatch', () => {
    expect(() => lax.ge(ax.zeros([2]), ax.zeros([3]))).toThrow(
      /ge: operands must have equal shapes, got float32\[2\] and float32\[3\]/,
    );
    expect(() => lax.eq(ax.zeros([2]), ax.zeros([2], 'int32'))).toThrow(
      /eq: operands must have equal dtypes/,
    );
  });
});

describe('select', () => {
  it('picks onTrue where pred is true, for every dtype', () => {
    const pred = bool(true, false, true);
    expect(lax.select(pred, f32(1, 2, 3), f32(4, 5, NaN)).arraySync()).toEqual([1, 5, 3]);
    expect(lax.select(pred, i32(-1, -2, -3), i32(4, 5, 6)).arraySync()).toEqual([-1, 5, -3]);
    expect(lax.select(pred, u32(1, 2, 3), u32(4294967295, 5, 6)).arraySync()).toEqual([1, 5, 3]);
    expect(lax.select(pred, bool(false, false, false), bool(true, true, true)).arraySync()).toEqual([
      false,
      true,
      false,
    ]);
    expect(lax.select(ax.scalar(false), ax.scalar(1), ax.scalar(2)).item()).toBe(2);
  });
  it('requires a bool pred, one shape and one branch dtype', () => {
    expect(() => lax.select(f32(1), f32(1), f32(2))).toThrow(
      /select: pred has dtype float32; select accepts bool/,
    );
    expect(() => lax.select(bool(true), f32(1), i32(2))).toThrow(
      /select: onTrue and onFalse must have equal dtypes, got float32\[1\] and int32\[1\]/,
    );
    expect(() => lax.select(bool(true, false), f32(1), f32(2))).toThrow(
      /select: operands must have equal shapes, got bool\[2\] and float32\[1\] and float32\[1\]/,
    );
  });
});
