import { beforeEach, describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { bool, f32, i32, u32, values } from './elementwise-helpers.js';
import { INT_MAX, INT_MIN, UINT_MAX } from './helpers.js';

beforeEach(() => {
  ax.setBackend('cpu');
});

const { lax } = ax;

describe('cast', () => {
  it('float32 to int32 truncates toward zero, saturates and maps NaN to 0', () => {
    const x = f32(1.9, -1.9, -0.5, 3e9, -3e9, 2147483648, NaN, Infinity, -Infinity);
    expect(values(lax.cast(x, 'int32'))).toEqual([1, -1, 0, INT_MAX, INT_MIN, INT_MAX, 0, INT_MAX, INT_MIN]);
  });
  it('float32 to uint32 truncates, sends negatives and NaN to 0, saturates above', () => {
    const x = f32(1.9, -1.9, 3e9, 5e9, NaN, Infinity, -Infinity);
    expect(values(lax.cast(x, 'uint32'))).toEqual([1, 0, 3000000000, UINT_MAX, 0, UINT_MAX, 0]);
  });
  it('int32 and uint32 convert to each other modulo 2^32', () => {
    expect(values(lax.cast(i32(-1, INT_MIN, 5), 'uint32'))).toEqual([UINT_MAX, 2147483648, 5]);
    expect(values(lax.cast(u32(UINT_MAX, 2147483648, 5), 'int32'))).toEqual([-1, INT_MIN, 5]);
  });
  it('integers to float32 round to nearest', () => {
    expect(values(lax.cast(i32(16777217, -3), 'float32'))).toEqual([16777216, -3]);
    expect(values(lax.cast(u32(UINT_MAX), 'float32'))).toEqual([4294967296]);
  });
  it('anything to bool is x != 0 (NaN is true, -0 false); bool becomes 0 or 1', () => {
    expect(lax.cast(f32(0, -0, NaN, 0.5, -Infinity), 'bool').arraySync()).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(lax.cast(i32(0, -1), 'bool').arraySync()).toEqual([false, true]);
    expect(lax.cast(u32(0, UINT_MAX), 'bool').arraySync()).toEqual([false, true]);
    expect(values(lax.cast(bool(true, false), 'float32'))).toEqual([1, 0]);
    expect(values(lax.cast(bool(true, false), 'int32'))).toEqual([1, 0]);
    expect(values(lax.cast(bool(true, false), 'uint32'))).toEqual([1, 0]);
  });
  it('returns the operand itself for its own dtype and keeps scalar and zero-size shapes', () => {
    const x = f32(1);
    expect(lax.cast(x, 'float32')).toBe(x);
    expect(lax.cast(ax.scalar(2.5), 'int32').item()).toBe(2);
    expect(lax.cast(ax.zeros([0, 2]), 'bool').shape).toEqual([0, 2]);
  });
  it('rejects an unknown dtype', () => {
    expect(() => lax.cast(f32(1), 'float64' as ax.DType)).toThrow(/cast: unknown dtype "float64"/);
  });
});

describe('bitcast', () => {
  it('reinterprets the 32 bits between float32, int32 and uint32', () => {
    expect(values(lax.bitcast(f32(1, -0, -2), 'uint32'))).toEqual([0x3f800000, 0x80000000, 0xc0000000]);
    expect(values(lax.bitcast(f32(-0), 'int32'))).toEqual([INT_MIN]);
    expect(values(lax.bitcast(u32(0x3f800000, 0x7f800000, 0xff800000), 'float32'))).toEqual([
      1,
      Infinity,
      -Infinity,
    ]);
    expect(values(lax.bitcast(u32(0x7fc00000), 'float32'))).toEqual([NaN]);
    expect(values(lax.bitcast(i32(-1), 'uint32'))).toEqual([UINT_MAX]);
    expect(lax.bitcast(ax.scalar(1), 'int32').shape).toEqual([]);
  });
  it('rejects bool on either side', () => {
    expect(() => lax.bitcast(bool(true), 'int32')).toThrow(/bitcast: operand bool\[1\] has dtype bool/);
    expect(() => lax.bitcast(f32(1), 'bool')).toThrow(
      /bitcast: cannot reinterpret float32\[1\] as dtype bool/,
    );
  });
});
