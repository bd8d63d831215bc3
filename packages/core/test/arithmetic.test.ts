import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, i32, u32 } from './helpers.js';

beforeEach(() => {
  ax.setBackend('cpu');
});

describe('promotion and broadcasting', () => {
  it('broadcasts [2, 1] with [3]', () => {
    const y = ax.add(ax.array([[1], [2]]), ax.array([10, 20, 30]));
    expect(y.shape).toEqual([2, 3]);
    expect(y.arraySync()).toEqual([
      [11, 21, 31],
      [12, 22, 32],
    ]);
  });
  it('keeps int32 for a weak integer, goes to float32 for a weak fraction', () => {
    const a = ax.add(i32(1, 2), 1);
    expect([a.dtype, a.arraySync()]).toEqual(['int32', [2, 3]]);
    const b = ax.add(i32(1, 2), 0.5);
    expect([b.dtype, b.arraySync()]).toEqual(['float32', [1.5, 2.5]]);
  });
  it('promotes uint32 with int32 to int32, as JAX does without x64', () => {
    const y = ax.add(u32(4294967295, 3), i32(1, -1));
    expect([y.dtype, y.arraySync()]).toEqual(['int32', [0, 2]]);
  });
  it('promotes bool with a weak integer to int32 and two JS numbers to a float32 scalar', () => {
    const a = ax.add(ax.array([true, false]), 1);
    expect([a.dtype, a.arraySync()]).toEqual(['int32', [2, 1]]);
    const s = ax.add(1, 2);
    expect([s.dtype, s.shape, s.item()]).toEqual(['float32', [], 3]);
  });
  it('handles scalars and zero-size operands', () => {
    expect(ax.multiply(ax.scalar(2), 3).item()).toBe(6);
    const z = ax.add(ax.zeros([0, 3]), ax.ones([3]));
    expect(z.shape).toEqual([0, 3]);
  });
  it('names both shapes when they cannot broadcast', () => {
    expect(() => ax.add(ax.zeros([2, 3]), ax.zeros([4]))).toThrow(
      /add: shapes \[2, 3\] and \[4\] cannot be broadcast together/,
    );
    expect(() => ax.remainder(ax.zeros([2]), ax.zeros([3]))).toThrow(/remainder: shapes \[2\] and \[3\]/);
  });
  it('frees the intermediates it makes (the promoted and broadcast operands)', () => {
    const x = i32(1, 2, 3);
    const before = ax.memory().cpu!.buffers;
    const y = ax.add(x, 0.5);
    expect(ax.memory().cpu!.buffers).toBe(before + 1);
    y.dispose();
  });
});

describe('add, subtract, multiply', () => {
  it('wrap int32 and uint32', () => {
    expect(ax.add(i32(2147483647), 1).arraySync()).toEqual([-2147483648]);
    expect(ax.subtract(u32(0), 1).arraySync()).toEqual([4294967295]);
    expect(ax.multiply(i32(65536), 65536).arraySync()).toEqual([0]);
  });
  it('treat bool add as or and bool multiply as and; bool subtract is an error', () => {
    const x = ax.array([true, true, false]);
    const y = ax.array([true, false, false]);
    expect(ax.add(x, y).arraySync()).toEqual([true, true, false]);
    expect(ax.multiply(x, y).arraySync()).toEqual([true, false, false]);
    expect(() => ax.subtract(x, y)).toThrow(/subtract: bool operands are not supported/);
  });
});

describe('divide', () => {
  it('is true division in float32, also for integers', () => {
    const y = ax.divide(i32(1, 3, -1, 0), i32(2, 2, 0, 0));
    expect(y.dtype).toBe('float32');
    expect(y.arraySync()).toEqual([0.5, 1.5, -Infinity, NaN]);
    expect(ax.trueDivide(1, f32(4)).arraySync()).toEqual([0.25]);
  });
});

describe('floorDivide', () => {
  it('rounds int32 toward negative infinity', () => {
    expect(ax.floorDivide(i32(-7, 7, -7, 7, 6), i32(2, 2, -2, -2, 3)).arraySync()).toEqual([-4, 3, 3, -4, 2]);
  });
  it('divides int32 by 0 as JAX does: 0 -> -1, other values -> -2', () => {
    expect(ax.floorDivide(i32(5, -5, 0), 0).arraySync()).toEqual([-2, -2, -1]);
  });
  it('is plain division on uint32 and promotes bool to int32', () => {
    expect(ax.floorDivide(u32(7, 4294967295), 2).arraySync()).toEqual([3, 2147483647]);
    const b = ax.floorDivide(true, ax.array([true]));
    expect([b.dtype, b.arraySync()]).toEqual(['int32', [1]]);
  });
  it('uses divmod on floats: 1 // 0.1 = 9, -1 // inf = -1, x // 0 = NaN', () => {
    expect(
      ax.floorDivide(f32(-7.5, 7.5, 1, -1, 1, 1), f32(2, 2, 0.1, Infinity, Infinity, 0)).arraySync(),
    ).toEqual([-4, 3, 9, -1, 0, NaN]);
  });
});

describe('floorDivide and remainder on int32 (property)', () => {
  it('match Math.floor(a / b) and a - b * floor(a / b) exactly, for a in the int32 range and b != 0', () => {
    const int32 = fc.integer({ min: -2147483648, max: 2147483647 });
    const pairs = fc.array(
      fc.tuple(
        int32,
        int32.filter((b) => b !== 0),
      ),
      { minLength: 1, maxLength: 16 },
    );
    fc.assert(
      fc.property(pairs, (ps) => {
        const a = i32(...ps.map((p) => p[0]));
        const b = i32(...ps.map((p) => p[1]));
        // `| 0` wraps INT_MIN // -1 = 2^31 as int32 division does.
        expect(ax.floorDivide(a, b).arraySync()).toEqual(ps.map(([x, y]) => Math.floor(x / y) | 0));
        expect(ax.remainder(a, b).arraySync()).toEqual(ps.map(([x, y]) => x - y * Math.floor(x / y)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('remainder, mod, fmod', () => {
  it('remainder takes the divisor sign; integer x % 0 = 0', () => {
    expect(ax.remainder(i32(-7, 7, -7, 7, 5, -6), i32(2, 2, -2, -2, 0, 3)).arraySync()).toEqual([
      1, 1, -1, -1, 0, 0,
    ]);
    expect(ax.mod(f32(-1.5, 5.5, -5.5, 2), f32(1, -2, 2, 0)).arraySync()).toEqual([0.5, -0.5, 0.5, NaN]);
  });
  it('remainder of -1 by +inf is +inf, as in numpy', () => {
    expect(ax.remainder(-1, f32(Infinity)).arraySync()).toEqual([Infinity]);
  });
  it('fmod takes the dividend sign; integer x fmod 0 = 0', () => {
    expect(ax.fmod(i32(-7, 7, 5), i32(2, -2, 0)).arraySync()).toEqual([-1, 1, 0]);
    expect(ax.fmod(f32(-5.5, 1), f32(2, 0)).arraySync()).toEqual([-1.5, NaN]);
  });
});

describe('power', () => {
  it('keeps int32 with a weak integer exponent, wraps, and gives 0 for negative exponents', () => {
    const y = ax.power(i32(2, 3, 2, -1), i32(2, 2, -1, -3));
    expect([y.dtype, y.arraySync()]).toEqual(['int32', [4, 9, 0, -1]]);
    expect(ax.power(i32(2), 32).arraySync()).toEqual([0]);
  });
  it('follows C pow on float32 and promotes bool to int32', () => {
    expect(ax.power(f32(4, 2, 1), f32(0.5, -1, NaN)).arraySync()).toEqual([2, 0.5, 1]);
    expect(ax.power(ax.array([true, false]), true).dtype).toBe('int32');
  });
});

describe('maximum and minimum', () => {
  it('propagate NaN and broadcast', () => {
    expect(ax.maximum(f32(1, NaN, 5), 2).arraySync()).toEqual([2, NaN, 5]);
    expect(ax.minimum(f32(1, NaN, 5), 2).arraySync()).toEqual([1, NaN, 2]);
    expect(ax.maximum(ax.array([[1], [4]]), ax.array([2, 3])).arraySync()).toEqual([
      [2, 3],
      [4, 4],
    ]);
  });
  it('take or / and on bool and promote int32 with a weak fraction', () => {
    const x = ax.array([true, false]);
    expect(ax.maximum(x, false).arraySync()).toEqual([true, false]);
    expect(ax.minimum(x, true).arraySync()).toEqual([true, false]);
    const y = ax.maximum(i32(1, 3), 2.5);
    expect([y.dtype, y.arraySync()]).toEqual(['float32', [2.5, 3]]);
  });
});

describe('arctan2', () => {
  it('computes in float32 for integers, broadcasting (within 1 float32 ulp)', () => {
    const y = ax.arctan2(i32(1, -1, 0), -1);
    expect(y.dtype).toBe('float32');
    const out = y.dataSync();
    [(3 * Math.PI) / 4, (-3 * Math.PI) / 4, Math.PI].forEach((e, i) =>
      expect(Math.abs(out[i]! - e)).toBeLessThanOrEqual(Math.abs(e) * 2 ** -23),
    );
  });
});

describe('clip', () => {
  it('limits to [min, max], keeps NaN, and takes max when min > max', () => {
    expect(ax.clip(f32(-2, 0.5, 3, NaN), 0, 1).arraySync()).toEqual([0, 0.5, 1, NaN]);
    expect(ax.clip(f32(-2, 3), 0).arraySync()).toEqual([0, 3]);
    expect(ax.clip(f32(-2, 3), undefined, 1).arraySync()).toEqual([-2, 1]);
    expect(ax.clip(f32(0, 5), 3, 1).arraySync()).toEqual([1, 1]);
  });
  it('keeps int32 with integer bounds and broadcasts array bounds', () => {
    const y = ax.clip(i32(-5, 5, 10), 0, 7);
    expect([y.dtype, y.arraySync()]).toEqual(['int32', [0, 5, 7]]);
    expect(ax.clip(ax.array([[0], [9]]), ax.array([1, 2]), 8).arraySync()).toEqual([
      [1, 2],
      [8, 8],
    ]);
    expect(ax.clip(3).arraySync()).toBe(3);
  });
});

describe('Array methods', () => {
  it('delegate to the numpy-style functions', () => {
    const x = i32(-7, 7);
    expect(x.add(1).arraySync()).toEqual([-6, 8]);
    expect(x.sub(1).arraySync()).toEqual([-8, 6]);
    expect(x.mul(2).arraySync()).toEqual([-14, 14]);
    expect(x.div(2).arraySync()).toEqual([-3.5, 3.5]);
    expect(x.pow(2).arraySync()).toEqual([49, 49]);
    expect(x.mod(2).arraySync()).toEqual([1, 1]);
    expect(x.maximum(0).arraySync()).toEqual([0, 7]);
    expect(x.minimum(0).arraySync()).toEqual([-7, 0]);
    expect(x.astype('float32').dtype).toBe('float32');
  });
});
