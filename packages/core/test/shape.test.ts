import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

/** `[[0, 1, 2], [3, 4, 5]]` as float32. */
const m = (): ax.Array =>
  ax.array([
    [0, 1, 2],
    [3, 4, 5],
  ]);

describe('reshape and ravel', () => {
  it('reshapes, inferring one -1 size', () => {
    expect(ax.reshape(ax.arange(6), [2, -1]).arraySync()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(ax.reshape(m(), -1).arraySync()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ax.reshape(ax.zeros([0, 3]), [-1, 3]).shape).toEqual([0, 3]);
    expect(ax.reshape(ax.array([7]), []).arraySync()).toBe(7);
    expect(ax.reshape(4, [1, 1]).arraySync()).toEqual([[4]]);
    expect(ax.ravel(m()).shape).toEqual([6]);
  });

  it('names both shapes when the sizes do not match, and rejects two -1s', () => {
    expect(() => ax.reshape(ax.arange(6), [4])).toThrow(
      /reshape: cannot reshape int32\[6\] \(6 elements\) into shape \[4\]/,
    );
    expect(() => ax.reshape(ax.arange(6), [4, -1])).toThrow(/into shape \[4, -1\]/);
    expect(() => ax.reshape(ax.zeros([0]), [-1, 0])).toThrow(/reshape: cannot reshape float32\[0\]/);
    expect(() => ax.reshape(ax.arange(6), [-1, -1])).toThrow(
      /reshape: only one -1 is allowed in shape \[-1, -1\]/,
    );
    expect(() => ax.reshape(ax.arange(6), [-2, -3])).toThrow(/reshape: invalid shape \[-2, -3\]/);
  });

  it('is available as methods: reshape (array or arguments) and flatten', () => {
    expect(ax.arange(6).reshape(3, -1).shape).toEqual([3, 2]);
    expect(ax.arange(6).reshape([2, 3]).shape).toEqual([2, 3]);
    expect(m().flatten().arraySync()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('transpose, swapaxes, moveaxis', () => {
  it('reverses the axes by default and takes negative axes', () => {
    expect(ax.transpose(m()).arraySync()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(ax.transpose(ax.zeros([2, 3, 4]), [0, -1, 1]).shape).toEqual([2, 4, 3]);
    expect(m().T.shape).toEqual([3, 2]);
    expect(m().transpose([1, 0]).arraySync()).toEqual(m().T.arraySync());
    expect(ax.transpose(ax.scalar(1)).arraySync()).toBe(1);
  });

  it('names transpose and the permutation when it is not one', () => {
    expect(() => ax.transpose(m(), [0, 0])).toThrow(/transpose: permutation \[0, 0\] is not a permutation/);
    expect(() => ax.transpose(m(), [0, 2])).toThrow(
      /transpose: axes entry 2 is out of range for an array of rank 2/,
    );
  });

  it('swaps and moves axes', () => {
    expect(ax.swapaxes(ax.zeros([2, 3, 4]), 0, -1).shape).toEqual([4, 3, 2]);
    expect(ax.swapaxes(m(), 0, 1).arraySync()).toEqual(ax.transpose(m()).arraySync());
    expect(ax.moveaxis(ax.zeros([2, 3, 4]), 0, -1).shape).toEqual([3, 4, 2]);
    expect(ax.moveaxis(ax.zeros([2, 3, 4]), -1, 0).shape).toEqual([4, 2, 3]);
    expect(ax.moveaxis(ax.zeros([2, 3, 4]), [0, 1], [2, 0]).shape).toEqual([3, 4, 2]);
    expect(() => ax.moveaxis(m(), [0, 1], [0])).toThrow(/moveaxis: source \[0, 1\] and destination \[0\]/);
    expect(() => ax.swapaxes(m(), 0, 2)).toThrow(/swapaxes: axis2 2 is out of range/);
  });
});

describe('squeeze and expandDims', () => {
  it('removes size-1 axes, all or the named ones', () => {
    expect(ax.squeeze(ax.zeros([1, 3, 1])).shape).toEqual([3]);
    expect(ax.squeeze(ax.zeros([1, 3, 1]), -1).shape).toEqual([1, 3]);
    expect(ax.zeros([1, 3, 1]).squeeze([0, 2]).shape).toEqual([3]);
    expect(ax.squeeze(ax.zeros([1, 0])).shape).toEqual([0]);
    expect(ax.squeeze(ax.scalar(2)).arraySync()).toBe(2);
  });

  it('refuses to squeeze an axis whose size is not 1', () => {
    expect(() => ax.squeeze(ax.zeros([1, 3]), 1)).toThrow(
      /squeeze: cannot squeeze axis 1 of float32\[1, 3\]: its size is 3, not 1/,
    );
    expect(() => ax.squeeze(ax.zeros([1, 3]), 2)).toThrow(/squeeze: axis 2 is out of range/);
  });

  it('inserts axes at positions of the result', () => {
    expect(ax.expandDims(m(), 0).shape).toEqual([1, 2, 3]);
    expect(ax.expandDims(m(), -1).shape).toEqual([2, 3, 1]);
    expect(ax.expandDims(m(), [0, -1]).shape).toEqual([1, 2, 3, 1]);
    expect(ax.expandDims(m(), [1, 2]).shape).toEqual([2, 1, 1, 3]);
    expect(ax.scalar(5).expandDims(0).arraySync()).toEqual([5]);
    expect(() => ax.expandDims(m(), 3)).toThrow(/expandDims: axis 3 is out of range for an array of rank 3/);
  });
});

describe('concatenate, stack, hstack, vstack', () => {
  it('joins along an axis, promoting dtypes', () => {
    const c = ax.concatenate([ax.array([[1, 2]], 'int32'), ax.array([[0.5, 1.5]])]);
    expect(c.dtype).toBe('float32');
    expect(c.arraySync()).toEqual([
      [1, 2],
      [0.5, 1.5],
    ]);
    expect(ax.concatenate([m(), ax.array([[9], [9]])], -1).arraySync()).toEqual([
      [0, 1, 2, 9],
      [3, 4, 5, 9],
    ]);
    expect(ax.concatenate([m(), ax.array([7, 8])], null).arraySync()).toEqual([0, 1, 2, 3, 4, 5, 7, 8]);
    expect(ax.concatenate([ax.zeros([0, 3]), m()]).shape).toEqual([2, 3]);
  });

  it('rejects scalars, no arrays, bad axes and mismatched shapes', () => {
    expect(() => ax.concatenate([ax.scalar(1), ax.scalar(2)])).toThrow(
      /concatenate: zero-dimensional arrays cannot be concatenated/,
    );
    expect(() => ax.concatenate([])).toThrow(/concatenate: needs at least one array/);
    expect(() => ax.concatenate([m(), m()], 2)).toThrow(/concatenate: axis 2 is out of range/);
    expect(() => ax.concatenate([m(), ax.zeros([2, 2])], 0)).toThrow(
      /concatenate: .*float32\[2, 3\], float32\[2, 2\]/,
    );
  });

  it('stacks along a new axis', () => {
    const a = ax.array([1, 2]);
    const b = ax.array([3, 4]);
    expect(ax.stack([a, b]).arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(ax.stack([a, b], -1).arraySync()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(ax.stack([1, 2]).arraySync()).toEqual([1, 2]);
    expect(() => ax.stack([a, ax.array([1, 2, 3])])).toThrow(
      /stack: all arrays must have the same shape, got \[2\], \[3\]/,
    );
    expect(() => ax.stack([a, b], 2)).toThrow(/stack: axis 2 is out of range/);
  });

  it('hstacks and vstacks, taking 1-D arrays as rows', () => {
    expect(ax.hstack([ax.array([1, 2]), 3]).arraySync()).toEqual([1, 2, 3]);
    expect(ax.hstack([m(), ax.array([[9], [9]])]).shape).toEqual([2, 4]);
    expect(ax.vstack([ax.array([1, 2]), ax.array([3, 4])]).arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(ax.vstack([m(), ax.array([6, 7, 8])]).shape).toEqual([3, 3]);
  });
});

describe('split', () => {
  it('splits into equal sections', () => {
    expect(ax.split(ax.arange(6), 3).map((p) => p.arraySync())).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(ax.split(m(), 3, -1).map((p) => p.arraySync())).toEqual([
      [[0], [3]],
      [[1], [4]],
      [[2], [5]],
    ]);
    expect(ax.split(ax.zeros([0]), 2).map((p) => p.shape)).toEqual([[0], [0]]);
  });

  it('splits at indices with numpy slice rules (negative, clipped, decreasing)', () => {
    expect(ax.split(ax.arange(6), [1, 4]).map((p) => p.arraySync())).toEqual([[0], [1, 2, 3], [4, 5]]);
    expect(ax.split(ax.arange(6), [4, 1]).map((p) => p.arraySync())).toEqual([
      [0, 1, 2, 3],
      [],
      [1, 2, 3, 4, 5],
    ]);
    expect(ax.split(ax.arange(6), [-2, 10]).map((p) => p.arraySync())).toEqual([[0, 1, 2, 3], [4, 5], []]);
    expect(ax.split(ax.arange(3), []).map((p) => p.arraySync())).toEqual([[0, 1, 2]]);
  });

  it('rejects unequal divisions, bad section counts and scalars', () => {
    expect(() => ax.split(ax.arange(5), 2)).toThrow(
      /split: axis 0 of int32\[5\] \(size 5\) does not divide into 2 equal sections/,
    );
    expect(() => ax.split(ax.arange(4), 0)).toThrow(
      /split: the number of sections must be a positive integer, got 0/,
    );
    expect(() => ax.split(ax.scalar(1), 1)).toThrow(/split: cannot split a zero-dimensional array/);
  });
});

describe('take', () => {
  it('takes from the flattened array by default and along an axis', () => {
    expect(ax.take(m(), [5, 0]).arraySync()).toEqual([5, 0]);
    expect(ax.take(m(), [2, 0], 1).arraySync()).toEqual([
      [2, 0],
      [5, 3],
    ]);
    expect(ax.take(m(), [[1], [0]], 0).shape).toEqual([2, 1, 3]);
    expect(ax.take(m(), 1, -2).arraySync()).toEqual([3, 4, 5]);
    expect(
      m()
        .take(ax.array([2], 'uint32'), 1)
        .arraySync(),
    ).toEqual([[2], [5]]);
  });

  it('counts negative indices from the end and fills out-of-range ones (JAX default mode)', () => {
    expect(ax.take(m(), [-1, -3], 1).arraySync()).toEqual([
      [2, 0],
      [5, 3],
    ]);
    expect(ax.take(m(), [3, -4], 1).arraySync()).toEqual([
      [NaN, NaN],
      [NaN, NaN],
    ]);
    expect(ax.take(ax.array([1, 2], 'int32'), [2]).arraySync()).toEqual([-2147483648]);
    expect(ax.take(m(), [3], 1, { fillValue: -1 }).arraySync()).toEqual([[-1], [-1]]);
  });

  it('clamps in clip mode, without counting negative indices from the end', () => {
    expect(ax.take(m(), [3, -1], 1, { mode: 'clip' }).arraySync()).toEqual([
      [2, 0],
      [5, 3],
    ]);
  });

  it('handles empty indices and empty axes', () => {
    expect(ax.take(m(), ax.zeros([0], 'int32'), 1).shape).toEqual([2, 0]);
    expect(ax.take(ax.zeros([2, 0]), ax.zeros([0], 'int32'), 1).shape).toEqual([2, 0]);
    expect(() => ax.take(ax.zeros([2, 0]), [0], 1)).toThrow(
      /take: cannot take indices int32\[1\] from the empty axis 1 of float32\[2, 0\]/,
    );
  });

  it('rejects non-integer indices and axes out of range', () => {
    expect(() => ax.take(m(), ax.array([0, 1]))).toThrow(
      /take: indices float32\[2\] must be int32 or uint32/,
    );
    expect(() => ax.take(m(), [0], 2)).toThrow(/take: axis 2 is out of range/);
  });

  it('frees the intermediates it makes', () => {
    const x = m();
    const before = ax.memory().cpu!.buffers;
    const y = ax.take(x, [-1, 0], 1);
    expect(ax.memory().cpu!.buffers).toBe(before + 1);
    y.dispose();
  });
});

describe('takeAlongAxis', () => {
  const x = (): ax.Array =>
    ax.array([
      [10, 30, 20],
      [60, 40, 50],
    ]);

  it('takes per-row or per-column indices, broadcasting the other axes', () => {
    expect(ax.takeAlongAxis(x(), [[1], [0]], 1).arraySync()).toEqual([[30], [60]]);
    expect(ax.takeAlongAxis(x(), [[0, 2]]).arraySync()).toEqual([
      [10, 20],
      [60, 50],
    ]);
    expect(ax.takeAlongAxis(x(), [[1, 0, 1]], 0).arraySync()).toEqual([[60, 30, 50]]);
    expect(ax.takeAlongAxis(x(), [5, 0], null).arraySync()).toEqual([50, 10]);
  });

  it('wraps negative indices and fills out-of-range ones', () => {
    expect(ax.takeAlongAxis(x(), [[-1], [3]], 1).arraySync()).toEqual([[20], [NaN]]);
    expect(ax.takeAlongAxis(x(), [[3]], 1, { mode: 'clip' }).arraySync()).toEqual([[20], [50]]);
  });

  it('rejects indices of another rank', () => {
    expect(() => ax.takeAlongAxis(x(), [0, 1], 1)).toThrow(
      /takeAlongAxis: indices int32\[2\] must have the rank of float32\[2, 3\]/,
    );
    expect(() => ax.takeAlongAxis(x(), [[0]], null)).toThrow(
      /takeAlongAxis: with axis null the indices must be 1-D/,
    );
  });
});

describe('oneHot', () => {
  it('encodes classes, giving all zeros for values outside 0..numClasses-1', () => {
    expect(ax.oneHot(ax.array([0, 2, 5, -1], 'int32'), 3).arraySync()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(ax.oneHot(ax.array([1, 1.5, NaN]), 2).arraySync()).toEqual([
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
  });

  it('takes a dtype and an axis', () => {
    const h = ax.oneHot(ax.array([1, 0], 'int32'), 3, { dtype: 'int32', axis: 0 });
    expect(h.dtype).toBe('int32');
    expect(h.arraySync()).toEqual([
      [0, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(ax.oneHot(ax.scalar(2, 'int32'), 3).arraySync()).toEqual([0, 0, 1]);
    expect(ax.oneHot(ax.zeros([0], 'int32'), 3).shape).toEqual([0, 3]);
    expect(() => ax.oneHot(ax.array([1], 'int32'), -1)).toThrow(
      /oneHot: numClasses must be a non-negative integer, got -1/,
    );
  });
});

describe('flip, tile, repeat', () => {
  it('flips all axes or the named ones', () => {
    expect(ax.flip(m()).arraySync()).toEqual([
      [5, 4, 3],
      [2, 1, 0],
    ]);
    expect(ax.flip(m(), -1).arraySync()).toEqual([
      [2, 1, 0],
      [5, 4, 3],
    ]);
    expect(ax.flip(m(), [0]).arraySync()).toEqual([
      [3, 4, 5],
      [0, 1, 2],
    ]);
    expect(() => ax.flip(m(), 2)).toThrow(/flip: axis 2 is out of range/);
  });

  it('tiles, aligning reps with the trailing axes', () => {
    expect(ax.tile(ax.array([1, 2]), 2).arraySync()).toEqual([1, 2, 1, 2]);
    expect(ax.tile(ax.array([1, 2]), [2, 1]).arraySync()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(ax.tile(ax.array([[1], [2]]), [1, 3]).arraySync()).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
    expect(ax.tile(ax.array([1, 2]), 0).shape).toEqual([0]);
    expect(() => ax.tile(ax.array([1]), -1)).toThrow(/tile: reps must be non-negative integers, got -1/);
  });

  it('repeats elements a fixed or per-element number of times', () => {
    expect(ax.repeat(ax.array([1, 2]), 2).arraySync()).toEqual([1, 1, 2, 2]);
    expect(ax.repeat(m(), 2, 0).arraySync()).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [3, 4, 5],
      [3, 4, 5],
    ]);
    expect(ax.repeat(m(), [0, 2, 1], -1).arraySync()).toEqual([
      [1, 1, 2],
      [4, 4, 5],
    ]);
    expect(ax.repeat(ax.scalar(3), 3).arraySync()).toEqual([3, 3, 3]);
    expect(ax.repeat(ax.array([1, 2]), 0).shape).toEqual([0]);
    expect(() => ax.repeat(m(), [1, 2], 1)).toThrow(
      /repeat: repeats has 2 counts but axis 1 of float32\[2, 3\] has 3 elements/,
    );
  });
});

describe('pad', () => {
  it('pads with a constant, numpy-style widths', () => {
    expect(ax.pad(ax.array([1, 2]), 1).arraySync()).toEqual([0, 1, 2, 0]);
    expect(ax.pad(ax.array([1, 2]), [2, 1]).arraySync()).toEqual([0, 0, 1, 2, 0]);
    expect(
      ax
        .pad(
          ax.array([[1]]),
          [
            [0, 1],
            [2, 0],
          ],
          { constantValues: 9 },
        )
        .arraySync(),
    ).toEqual([
      [9, 9, 1],
      [9, 9, 9],
    ]);
    expect(ax.pad(ax.array([[1]]), [[1, 0]]).arraySync()).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(ax.pad(ax.array([true]), 1).arraySync()).toEqual([false, true, false]);
    expect(ax.pad(ax.array([1], 'int32'), 1, { constantValues: -7 }).arraySync()).toEqual([-7, 1, -7]);
    expect(ax.pad(ax.scalar(4), 2).arraySync()).toBe(4);
  });

  it('rejects negative widths and the wrong number of pairs', () => {
    expect(() => ax.pad(ax.array([1]), -1)).toThrow(
      /pad: padWidth entries must be non-negative integers, got -1/,
    );
    expect(() =>
      ax.pad(m(), [
        [1, 1],
        [1, 1],
        [1, 1],
      ]),
    ).toThrow(/pad: padWidth has 3 pairs for an array of rank 2/);
    expect(() => ax.pad(m(), [1, 2, 3])).toThrow(
      /pad: each padWidth entry must be a width or a \[before, after\] pair/,
    );
  });
});

describe('iterating an array', () => {
  it('yields the sub-arrays along the first axis, so split keys unpack as in JAX', () => {
    const [a, b, ...rest] = ax.array([
      [1, 2],
      [3, 4],
    ]);
    expect(a!.arraySync()).toEqual([1, 2]);
    expect(b!.arraySync()).toEqual([3, 4]);
    expect(rest).toEqual([]);
    expect([...ax.array([5, 6], 'int32')].map((x) => x.item())).toEqual([5, 6]);
    expect([...ax.zeros([0, 3])]).toEqual([]);
  });

  it('refuses to iterate a scalar', () => {
    expect(() => [...ax.array(1)]).toThrow(/cannot iterate over a scalar/);
  });
});
