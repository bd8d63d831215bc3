import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

const x = (): ax.Array =>
  ax.array([
    [1, 2, 3],
    [4, 5, 6],
  ]);

describe('mean', () => {
  it('averages over all axes, one axis and negative axes, with keepdims', () => {
    expect(ax.mean(x()).item()).toBe(3.5);
    expect(ax.mean(x(), 0).arraySync()).toEqual([2.5, 3.5, 4.5]);
    expect(ax.mean(x(), -1, { keepdims: true }).arraySync()).toEqual([[2], [5]]);
    expect(ax.mean(x(), [0, 1]).item()).toBe(3.5);
  });

  it('computes integer and bool means in float32', () => {
    const m = ax.mean(
      ax.array(
        [
          [1, 2],
          [3, 5],
        ],
        'int32',
      ),
      1,
    );
    expect(m.dtype).toBe('float32');
    expect(m.arraySync()).toEqual([1.5, 4]);
    expect(ax.mean(ax.array([true, false])).item()).toBe(0.5);
  });

  it('is NaN over nothing, the value itself for a scalar, and rejects bad axes', () => {
    expect(ax.mean(ax.zeros([0])).item()).toBeNaN();
    expect(ax.mean(ax.zeros([0, 2]), 0).arraySync()).toEqual([NaN, NaN]);
    expect(ax.mean(ax.scalar(3)).item()).toBe(3);
    expect(() => ax.mean(x(), 3)).toThrow(/mean: axis 3 is out of range for operand float32\[2, 3\]/);
  });
});

describe('var and std', () => {
  it('divide the squared deviations by n - ddof', () => {
    // mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5.
    const v = ax.array([1, 2, 3, 4]);
    expect(ax.var(v).item()).toBe(1.25);
    expect(ax.var(v, 0, { ddof: 1 }).item()).toBeCloseTo(5 / 3, 6);
    expect(ax.std(ax.array([1, 3])).item()).toBe(1);
  });

  it('reduce over axes with keepdims', () => {
    // Rows [1, 2, 3] and [4, 5, 6]: squared deviations 1 + 0 + 1 = 2 over 3.
    const rows = ax.var(x(), 1).arraySync() as number[];
    expect(rows[0]).toBeCloseTo(2 / 3, 6);
    expect(rows[1]).toBeCloseTo(2 / 3, 6);
    // Columns (1, 4), (2, 5), (3, 6): deviation 1.5 each way.
    expect(ax.std(x(), 0).arraySync()).toEqual([1.5, 1.5, 1.5]);
    expect(ax.std(x(), -2, { keepdims: true }).shape).toEqual([1, 3]);
  });

  it('compute integers in float32, and give NaN for n - ddof = 0 and for nothing', () => {
    const v = ax.var(ax.array([1, 3], 'int32'));
    expect(v.dtype).toBe('float32');
    expect(v.item()).toBe(1);
    expect(ax.var(ax.array([5]), null, { ddof: 1 }).item()).toBeNaN();
    expect(ax.var(ax.zeros([0])).item()).toBeNaN();
  });

  it('propagate NaN and reject a non-finite ddof', () => {
    expect(ax.std(ax.array([1, NaN])).item()).toBeNaN();
    expect(() => ax.var(x(), 0, { ddof: NaN })).toThrow(/var: ddof must be a finite number, got NaN/);
    expect(() => ax.std(x(), 2)).toThrow(/std: axis 2 is out of range for operand float32\[2, 3\]/);
  });
});
