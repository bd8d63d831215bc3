import { beforeEach, describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { bool, i32, u32, values } from './elementwise-helpers.js';
import { INT_MIN } from './helpers.js';

beforeEach(() => {
  ax.setBackend('cpu');
});

const { lax } = ax;

describe('and, or, xor', () => {
  it('are logical on bool', () => {
    const x = bool(true, true, false, false);
    const y = bool(true, false, true, false);
    expect(lax.and(x, y).arraySync()).toEqual([true, false, false, false]);
    expect(lax.or(x, y).arraySync()).toEqual([true, true, true, false]);
    expect(lax.xor(x, y).arraySync()).toEqual([false, true, true, false]);
  });
  it('are bitwise on int32 and uint32', () => {
    expect(values(lax.and(i32(12, -1), i32(10, 5)))).toEqual([8, 5]);
    expect(values(lax.or(i32(12, -1), i32(10, 5)))).toEqual([14, -1]);
    expect(values(lax.xor(i32(12, -1), i32(10, 5)))).toEqual([6, -6]);
    // 0xf0f0f0f0 and 0xff00ff00.
    expect(values(lax.and(u32(0xf0f0f0f0), u32(0xff00ff00)))).toEqual([0xf000f000]);
    expect(values(lax.or(u32(0xf0f0f0f0), u32(0xff00ff00)))).toEqual([0xfff0fff0]);
    expect(values(lax.xor(u32(0xf0f0f0f0), u32(0xff00ff00)))).toEqual([0x0ff00ff0]);
  });
  it('reject float32 and mismatched shapes', () => {
    expect(() => lax.and(ax.zeros([2]), ax.zeros([2]))).toThrow(
      /and: operand 0 has dtype float32; and accepts int32, uint32, bool/,
    );
    expect(() => lax.xor(bool(true), bool(true, false))).toThrow(
      /xor: operands must have equal shapes, got bool\[1\] and bool\[2\]/,
    );
  });
});

describe('shifts', () => {
  it('shiftLeft drops bits shifted out and gives 0 for amounts outside [0, 32)', () => {
    expect(values(lax.shiftLeft(i32(1, 1, 1, 1, -1, 3), i32(0, 31, 32, -1, 4, 30)))).toEqual([
      1,
      INT_MIN,
      0,
      0,
      -16,
      -1073741824,
    ]);
    expect(values(lax.shiftLeft(u32(1, 1, 1), u32(31, 32, 0xffffffff)))).toEqual([2147483648, 0, 0]);
  });
  it('shiftRightLogical fills with zeros and gives 0 for amounts outside [0, 32)', () => {
    expect(values(lax.shiftRightLogical(i32(-8, -8, -8, 16, -1), i32(1, 0, 32, -1, 31)))).toEqual([
      2147483644, -8, 0, 0, 1,
    ]);
    expect(values(lax.shiftRightLogical(u32(4294967288, 16), u32(1, 33)))).toEqual([2147483644, 0]);
  });
  it('shiftRightArithmetic fills with the sign bit, also for amounts outside [0, 32)', () => {
    expect(
      values(lax.shiftRightArithmetic(i32(-8, -8, -8, -8, 16, 16, -1), i32(1, 0, 31, 32, 32, -1, 31))),
    ).toEqual([-4, -8, -1, -1, 0, 0, -1]);
    // uint32 bits are read as int32: 0x80000000 >> 1 = 0xc0000000.
    expect(
      values(lax.shiftRightArithmetic(u32(0x80000000, 0x80000000, 16, 0xffffffff), u32(1, 40, 2, 0))),
    ).toEqual([0xc0000000, 0xffffffff, 4, 0xffffffff]);
  });
  it('reject bool and float32 operands', () => {
    expect(() => lax.shiftLeft(bool(true), bool(true))).toThrow(
      /shiftLeft: operand 0 has dtype bool; shiftLeft accepts int32, uint32/,
    );
    expect(() => lax.shiftRightArithmetic(ax.zeros([1]), ax.zeros([1]))).toThrow(ax.DTypeError);
  });
});
