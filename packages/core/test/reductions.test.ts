import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

const x = (): ax.Array =>
  ax.array([
    [1, 2, 3],
    [4, 5, 6],
  ]);

describe('sum', () => {
  it('sums over all axes by default, one axis, negative axes and several axes', () => {
    expect(ax.sum(x()).arraySync()).toBe(21);
    expect(ax.sum(x(), null).arraySync()).toBe(21);
    expect(ax.sum(x(), 0).arraySync()).toEqual([5, 7, 9]);
    expect(ax.sum(x(), -1).arraySync()).toEqual([6, 15]);
    expect(ax.sum(x(), [-1, 0]).arraySync()).toBe(21);
  });

  it('keeps reduced axes as size 1 with keepdims', () => {
    const kept = ax.sum(x(), 1, { keepdims: true });
    expect(kept.shape).toEqual([2, 1]);
    expect(kept.arraySync()).toEqual([[6], [15]]);
    expect(ax.sum(x(), null, { keepdims: true }).arraySync()).toEqual([[21]]);
  });

  it('sums bool as int32 and keeps integer dtypes', () => {
    const s = ax.sum(ax.array([true, false, true]));
    expect(s.dtype).toBe('int32');
    expect(s.item()).toBe(2);
    expect(ax.sum(ax.array([1, 2], 'int32')).dtype).toBe('int32');
    expect(ax.sum(ax.array([1, 2], 'uint32')).dtype).toBe('uint32');
  });

  it('handles scalars, JS numbers and zero-size inputs', () => {
    expect(ax.sum(ax.scalar(5)).item()).toBe(5);
    expect(ax.sum(ax.scalar(5), []).item()).toBe(5);
    expect(ax.sum(2.5).item()).toBe(2.5);
    expect(ax.sum(ax.zeros([0])).item()).toBe(0);
    expect(ax.sum(ax.zeros([2, 0]), 1).arraySync()).toEqual([0, 0]);
    expect(ax.sum(ax.zeros([0, 3]), 0).arraySync()).toEqual([0, 0, 0]);
    expect(ax.sum(ax.zeros([0, 3]), 1).shape).toEqual([0]);
  });

  it('propagates NaN', () => {
    expect(ax.sum(ax.array([1, NaN])).item()).toBeNaN();
  });

  it('rejects axes out of range or repeated, naming the function, axis and shape', () => {
    expect(() => ax.sum(x(), 2)).toThrow(/sum: axis 2 is out of range for operand float32\[2, 3\]/);
    expect(() => ax.sum(x(), [0, -2])).toThrow(
      /sum: axis -2 in axis \[0, -2\] repeats an axis of operand float32\[2, 3\]/,
    );
    expect(() => ax.sum(ax.scalar(1), 0)).toThrow(/sum: axis 0 is out of range for operand float32\[\]/);
    expect(() => ax.sum(x(), 0.5)).toThrow(ax.ParameterError);
  });
});

describe('prod', () => {
  it('multiplies over axes, bool as int32, with 1 for nothing', () => {
    expect(ax.prod(x(), 1).arraySync()).toEqual([6, 120]);
    expect(ax.prod(x()).item()).toBe(720);
    expect(ax.prod(x(), 0, { keepdims: true }).arraySync()).toEqual([[4, 10, 18]]);
    const b = ax.prod(ax.array([true, true]));
    expect(b.dtype).toBe('int32');
    expect(b.item()).toBe(1);
    expect(ax.prod(ax.zeros([0])).item()).toBe(1);
  });
});

describe('max and min', () => {
  it('reduce over axes with keepdims', () => {
    expect(ax.max(x()).item()).toBe(6);
    expect(ax.max(x(), 0).arraySync()).toEqual([4, 5, 6]);
    expect(ax.max(x(), -1, { keepdims: true }).arraySync()).toEqual([[3], [6]]);
    expect(ax.min(x(), 1).arraySync()).toEqual([1, 4]);
    expect(ax.min(x()).item()).toBe(1);
    expect(ax.amax).toBe(ax.max);
    expect(ax.amin).toBe(ax.min);
  });

  it('propagate NaN and treat bool as any/all', () => {
    expect(ax.max(ax.array([1, NaN, 3])).item()).toBeNaN();
    expect(ax.min(ax.array([1, NaN, 3])).item()).toBeNaN();
    const anyTrue = ax.max(ax.array([false, true]));
    expect(anyTrue.dtype).toBe('bool');
    expect(anyTrue.item()).toBe(true);
    expect(ax.min(ax.array([false, true])).item()).toBe(false);
  });

  it('raise on an empty reduction unless initial is given, as JAX does', () => {
    expect(() => ax.max(ax.zeros([0]))).toThrow(
      /max: axis 0 of float32\[0\] is empty, and the reduction has no identity; pass options.initial/,
    );
    expect(() => ax.min(ax.zeros([0, 3]), 0)).toThrow(/min: axis 0 of float32\[0, 3\] is empty/);
    expect(ax.max(ax.zeros([0, 3]), 1).shape).toEqual([0]);
    expect(ax.max(ax.zeros([0]), null, { initial: -1 }).item()).toBe(-1);
    expect(ax.min(ax.zeros([2, 0], 'int32'), 1, { initial: 7 }).arraySync()).toEqual([7, 7]);
  });

  it('include initial in every reduction', () => {
    expect(ax.max(ax.array([1, 2]), null, { initial: 5 }).item()).toBe(5);
    expect(ax.max(ax.array([1, 9]), null, { initial: 5 }).item()).toBe(9);
    expect(ax.min(ax.array([1, 2]), null, { initial: 0 }).item()).toBe(0);
    expect(ax.max(ax.array([false, false]), null, { initial: true }).item()).toBe(true);
  });
});

describe('all and any', () => {
  it('test truthiness over axes, NaN counting as true', () => {
    const a = ax.array([
      [1, 0],
      [2, 3],
    ]);
    expect(ax.all(a, 1).arraySync()).toEqual([false, true]);
    expect(ax.any(a, 0).arraySync()).toEqual([true, true]);
    expect(
      ax
        .any(
          ax.array([
            [1, 0],
            [0, 0],
          ]),
          1,
        )
        .arraySync(),
    ).toEqual([true, false]);
    expect(ax.all(ax.array([NaN])).item()).toBe(true);
    expect(ax.all(a, -1, { keepdims: true }).arraySync()).toEqual([[false], [true]]);
  });

  it('are true and false over nothing', () => {
    expect(ax.all(ax.zeros([0])).item()).toBe(true);
    expect(ax.any(ax.zeros([0])).item()).toBe(false);
  });
});

describe('argmax and argmin', () => {
  it('index the first extreme along an axis, or of the flattened array', () => {
    const a = ax.array([
      [1, 7, 7],
      [4, 2, 0],
    ]);
    expect(ax.argmax(a, 1).arraySync()).toEqual([1, 0]);
    expect(ax.argmax(a, -2).arraySync()).toEqual([1, 0, 0]);
    expect(ax.argmax(a).item()).toBe(1);
    expect(ax.argmin(a).item()).toBe(5);
    expect(ax.argmin(ax.array([3, 1, 1])).item()).toBe(1);
    expect(ax.argmax(a).dtype).toBe('int32');
  });

  it('keep dims, take NaN as the extreme and accept bool and scalars', () => {
    const a = ax.array([
      [1, 7],
      [9, 2],
    ]);
    expect(ax.argmax(a, 1, { keepdims: true }).arraySync()).toEqual([[1], [0]]);
    expect(ax.argmax(a, null, { keepdims: true }).arraySync()).toEqual([[2]]);
    expect(ax.argmax(ax.array([1, NaN, 3])).item()).toBe(1);
    expect(ax.argmin(ax.array([1, NaN, NaN])).item()).toBe(1);
    expect(ax.argmax(ax.array([false, true, true])).item()).toBe(1);
    expect(ax.argmax(ax.scalar(7)).item()).toBe(0);
  });

  it('raise on empty input and bad axes', () => {
    expect(() => ax.argmax(ax.zeros([0]))).toThrow(/argmax: axis 0 of operand float32\[0\] is empty/);
    expect(() => ax.argmin(ax.zeros([2, 3]), 2)).toThrow(
      /argmin: axis 2 is out of range for operand float32\[2, 3\]/,
    );
  });
});

describe('cumsum', () => {
  it('accumulates along an axis, or over the flattened array', () => {
    expect(ax.cumsum(x(), 1).arraySync()).toEqual([
      [1, 3, 6],
      [4, 9, 15],
    ]);
    expect(ax.cumsum(x(), -2).arraySync()).toEqual([
      [1, 2, 3],
      [5, 7, 9],
    ]);
    expect(ax.cumsum(x()).arraySync()).toEqual([1, 3, 6, 10, 15, 21]);
    expect(ax.cumsum(ax.scalar(3)).arraySync()).toEqual([3]);
  });

  it('counts bool as int32 and handles zero-size input', () => {
    const c = ax.cumsum(ax.array([true, true, false]));
    expect(c.dtype).toBe('int32');
    expect(c.arraySync()).toEqual([1, 2, 2]);
    expect(ax.cumsum(ax.zeros([0, 2]), 0).shape).toEqual([0, 2]);
  });

  it('rejects a bad axis', () => {
    expect(() => ax.cumsum(x(), 2)).toThrow(/cumsum: axis 2 is out of range for operand float32\[2, 3\]/);
  });
});

describe('Array methods', () => {
  it('delegate to the functions', () => {
    expect(x().sum().item()).toBe(21);
    expect(x().sum(0, { keepdims: true }).arraySync()).toEqual([[5, 7, 9]]);
    expect(x().prod(1).arraySync()).toEqual([6, 120]);
    expect(x().max().item()).toBe(6);
    expect(x().min(1).arraySync()).toEqual([1, 4]);
    expect(x().argmax(1).arraySync()).toEqual([2, 2]);
    expect(x().argmin().item()).toBe(0);
    expect(x().all().item()).toBe(true);
    expect(ax.array([0, 0]).any().item()).toBe(false);
    expect(x().cumsum(0).arraySync()).toEqual([
      [1, 2, 3],
      [5, 7, 9],
    ]);
    expect(x().mean(0).arraySync()).toEqual([2.5, 3.5, 4.5]);
    expect(ax.array([1, 2, 3, 4]).var().item()).toBe(1.25);
    expect(ax.array([1, 3]).std().item()).toBe(1);
  });
});

describe('intermediates', () => {
  it('are freed: each function leaves only its result alive', () => {
    const a = x();
    const calls: [string, () => ax.Array][] = [
      ['sum', () => ax.sum(a, 0, { keepdims: true })],
      ['max', () => ax.max(a, null, { initial: 0 })],
      ['argmax', () => ax.argmax(a, null, { keepdims: true })],
      ['all', () => ax.all(a, 1)],
      ['cumsum', () => ax.cumsum(a)],
      ['mean', () => ax.mean(a, 1)],
      ['var', () => ax.var(a, 0, { ddof: 1 })],
      ['std', () => ax.std(a)],
      ['argsort', () => ax.argsort(a, 0)],
      ['softmax', () => ax.softmax(a)],
      ['logSoftmax', () => ax.logSoftmax(a)],
      ['logsumexp', () => ax.logsumexp(a, -1, { keepdims: true })],
    ];
    for (const [name, call] of calls) {
      const before = ax.memory().cpu!.buffers;
      const result = call();
      expect(ax.memory().cpu!.buffers - before, name).toBe(1);
      result.dispose();
    }
    expect(a.isDisposed).toBe(false);
  });
});
