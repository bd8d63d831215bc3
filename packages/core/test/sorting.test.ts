import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

describe('sort', () => {
  it('sorts along the last axis by default, NaN last', () => {
    const a = ax.array([
      [3, NaN, 1],
      [2, 0, 5],
    ]);
    const s = ax.sort(a).arraySync() as number[][];
    expect(s[0]!.slice(0, 2)).toEqual([1, 3]);
    expect(s[0]![2]).toBeNaN();
    expect(s[1]).toEqual([0, 2, 5]);
  });

  it('sorts along another axis or the flattened array', () => {
    const a = ax.array([
      [3, 1],
      [2, 0],
    ]);
    expect(ax.sort(a, 0).arraySync()).toEqual([
      [2, 0],
      [3, 1],
    ]);
    expect(ax.sort(a, null).arraySync()).toEqual([0, 1, 2, 3]);
    expect(ax.sort(ax.scalar(4), null).arraySync()).toEqual([4]);
  });

  it('keeps dtypes and handles empty input', () => {
    const i = ax.sort(ax.array([3, -1, 2], 'int32'));
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toEqual([-1, 2, 3]);
    expect(ax.sort(ax.array([true, false])).arraySync()).toEqual([false, true]);
    expect(ax.sort(ax.zeros([0])).shape).toEqual([0]);
  });

  it('rejects a scalar with an axis, and axes out of range', () => {
    expect(() => ax.sort(ax.scalar(1))).toThrow(/sort: axis -1 is out of range for operand float32\[\]/);
    expect(() => ax.sort(ax.zeros([2]), 1)).toThrow(/sort: axis 1 is out of range for operand float32\[2\]/);
  });
});

describe('argsort', () => {
  it('gives the stable sorting permutation as int32', () => {
    const p = ax.argsort(ax.array([3, 1, 2, 1]));
    expect(p.dtype).toBe('int32');
    expect(p.arraySync()).toEqual([1, 3, 2, 0]);
  });

  it('puts NaN last and ties -0 with 0 in their original order', () => {
    expect(ax.argsort(ax.array([NaN, 2, -0, 0, -Infinity])).arraySync()).toEqual([4, 2, 3, 1, 0]);
  });

  it('works along any axis and on the flattened array', () => {
    const a = ax.array([
      [3, 1],
      [2, 4],
    ]);
    expect(ax.argsort(a, 0).arraySync()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(ax.argsort(a).arraySync()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(ax.argsort(a, null).arraySync()).toEqual([1, 2, 0, 3]);
    expect(() => ax.argsort(a, -3)).toThrow(/argsort: axis -3 is out of range for operand float32\[2, 2\]/);
  });
});
