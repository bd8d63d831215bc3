import { beforeEach, describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';

if (!ax.listBackends().some((b) => b.name === 'cpu-min')) {
  ax.registerBackend('cpu-min', () => createCpuBackend({ name: 'cpu-min', only: ax.MINIMAL_PRIMITIVES }));
}

beforeEach(() => {
  ax.setBackend('cpu');
});

const { lax } = ax;

describe('reduceSum', () => {
  it('sums over one axis, several axes and negative axes', () => {
    const x = ax.array([
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [7, 8, 9],
        [10, 11, 12],
      ],
    ]);
    expect(lax.reduceSum(x, [2]).arraySync()).toEqual([
      [6, 15],
      [24, 33],
    ]);
    expect(lax.reduceSum(x, [0]).arraySync()).toEqual([
      [8, 10, 12],
      [14, 16, 18],
    ]);
    expect(lax.reduceSum(x, [-1, 0]).arraySync()).toEqual([30, 48]);
    expect(lax.reduceSum(x, [0, 1, 2]).arraySync()).toBe(78);
  });

  it('returns the operand unchanged for no axes and works on scalars', () => {
    expect(lax.reduceSum(ax.array([[1, 2]]), []).arraySync()).toEqual([[1, 2]]);
    expect(lax.reduceSum(ax.scalar(4), []).arraySync()).toBe(4);
  });

  it('gives 0 over an empty axis and an empty result over an empty kept axis', () => {
    const x = ax.zeros([3, 0]);
    expect(lax.reduceSum(x, [1]).arraySync()).toEqual([0, 0, 0]);
    expect(lax.reduceSum(x, [0]).shape).toEqual([0]);
    expect(lax.reduceSum(x, [0, 1]).arraySync()).toBe(0);
  });

  it('accumulates float32 in float64 and rounds once', () => {
    // 2^24 + 1 + 1 is not representable step by step in float32 (2^24 + 1 rounds to 2^24), but
    // the float64 total 2^24 + 2 is.
    const x = ax.array([2 ** 24, 1, 1]);
    expect(lax.reduceSum(x, [0]).item()).toBe(2 ** 24 + 2);
  });

  it('propagates NaN and infinities', () => {
    expect(lax.reduceSum(ax.array([1, NaN, 2]), [0]).item()).toBeNaN();
    expect(lax.reduceSum(ax.array([1, Infinity]), [0]).item()).toBe(Infinity);
    expect(lax.reduceSum(ax.array([Infinity, -Infinity]), [0]).item()).toBeNaN();
  });

  it('wraps int32 and uint32', () => {
    expect(lax.reduceSum(ax.array([2 ** 31 - 1, 1], 'int32'), [0]).item()).toBe(-(2 ** 31));
    expect(lax.reduceSum(ax.array([-5, 3], 'int32'), [0]).item()).toBe(-2);
    expect(lax.reduceSum(ax.array([2 ** 32 - 1, 2], 'uint32'), [0]).item()).toBe(1);
    expect(lax.reduceSum(ax.array([1, 2], 'int32'), [0]).dtype).toBe('int32');
  });

  it('rejects bad axes and bool operands, naming the primitive, axis and shape', () => {
    const x = ax.zeros([2, 3]);
    expect(() => lax.reduceSum(x, [2])).toThrow(
      /reduceSum: axis 2 in axes \[2\] is out of range for operand float32\[2, 3\]/,
    );
    expect(() => lax.reduceSum(x, [-3])).toThrow(/reduceSum: axis -3 .* out of range/);
    expect(() => lax.reduceSum(x, [1, -1])).toThrow(
      /reduceSum: axis -1 in axes \[1, -1\] repeats an axis of operand float32\[2, 3\]/,
    );
    expect(() => lax.reduceSum(x, [0.5])).toThrow(ax.ParameterError);
    expect(() => lax.reduceSum(ax.array([true]), [0])).toThrow(/reduceSum: operand bool\[1\] has dtype bool/);
  });
});

describe('reduceMax', () => {
  it('takes the maximum over axes, negative axes included', () => {
    const x = ax.array([
      [1, 5, -2],
      [7, 0, 3],
    ]);
    expect(lax.reduceMax(x, [1]).arraySync()).toEqual([5, 7]);
    expect(lax.reduceMax(x, [-2]).arraySync()).toEqual([7, 5, 3]);
    expect(lax.reduceMax(x, [0, 1]).arraySync()).toBe(7);
  });

  it('propagates NaN, handles infinities and orders -0 below 0', () => {
    expect(lax.reduceMax(ax.array([1, NaN, 2]), [0]).item()).toBeNaN();
    expect(lax.reduceMax(ax.array([-Infinity, -1]), [0]).item()).toBe(-1);
    expect(Object.is(lax.reduceMax(ax.array([-0, 0]), [0]).item(), 0)).toBe(true);
    expect(Object.is(lax.reduceMax(ax.array([-0]), [0]).item(), -0)).toBe(true);
  });

  it('has the dtype-lowest value as the identity of an empty axis', () => {
    expect(lax.reduceMax(ax.zeros([2, 0]), [1]).arraySync()).toEqual([-Infinity, -Infinity]);
    expect(lax.reduceMax(ax.zeros([0], 'int32'), [0]).item()).toBe(-(2 ** 31));
    expect(lax.reduceMax(ax.zeros([0], 'uint32'), [0]).item()).toBe(0);
  });

  it('compares int32 signed and uint32 unsigned', () => {
    expect(lax.reduceMax(ax.array([-3, -7], 'int32'), [0]).item()).toBe(-3);
    expect(lax.reduceMax(ax.array([1, 2 ** 32 - 1], 'uint32'), [0]).item()).toBe(2 ** 32 - 1);
  });

  it('rejects bool and bad axes', () => {
    expect(() => lax.reduceMax(ax.array([true]), [0])).toThrow(
      /reduceMax: operand bool\[1\] has dtype bool; reduceMax accepts float32, int32, uint32/,
    );
    expect(() => lax.reduceMax(ax.scalar(1), [0])).toThrow(
      /reduceMax: axis 0 .* out of range for operand float32\[\]/,
    );
  });
});
