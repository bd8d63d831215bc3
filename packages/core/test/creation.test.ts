import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

describe('array creation', () => {
  it('infers shape and dtype from nested JS arrays: numbers are float32, booleans bool', () => {
    const x = ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.shape).toEqual([2, 3]);
    expect(x.dtype).toBe('float32');
    expect(x.ndim).toBe(2);
    expect(x.size).toBe(6);
    expect(x.arraySync()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = ax.array([true, false]);
    expect(b.dtype).toBe('bool');
    expect(b.arraySync()).toEqual([true, false]);
  });

  it('makes scalars with shape [] and reads them back as plain values', async () => {
    const s = ax.array(3.5);
    expect(s.shape).toEqual([]);
    expect(await s.array()).toBe(3.5);
    expect(s.item()).toBe(3.5);
    expect(ax.scalar(true).item()).toBe(true);
  });

  it('makes zero-size arrays', () => {
    const e = ax.array([]);
    expect(e.shape).toEqual([0]);
    expect(e.arraySync()).toEqual([]);
    expect(ax.zeros([2, 0, 3]).size).toBe(0);
    expect(ax.zeros([2, 0]).arraySync()).toEqual([[], []]);
  });

  it('converts values to the requested dtype: bool is != 0, integers truncate toward zero', () => {
    expect(ax.array([1.7, -1.7, 0], 'int32').arraySync()).toEqual([1, -1, 0]);
    expect(ax.array([2, 0, -0.5], 'bool').arraySync()).toEqual([true, false, true]);
    expect(ax.array([4294967295], 'uint32').arraySync()).toEqual([4294967295]);
    expect(ax.array([true, false], 'float32').arraySync()).toEqual([1, 0]);
  });

  it('rejects values an integer dtype cannot hold, naming value, index and dtype', () => {
    expect(() => ax.array([1, 2 ** 31], 'int32')).toThrow(
      /value 2147483648 at flat index 1 does not fit dtype int32/,
    );
    expect(() => ax.array([-1], 'uint32')).toThrow(/value -1 at flat index 0 does not fit dtype uint32/);
    expect(() => ax.array([NaN], 'int32')).toThrow(/value NaN/);
  });

  it('keeps NaN, Infinity and -0 in float32 arrays', () => {
    const [nan, inf, negZero] = ax.array([NaN, -Infinity, -0]).dataSync();
    expect(nan).toBeNaN();
    expect(inf).toBe(-Infinity);
    expect(Object.is(negZero, -0)).toBe(true);
  });

  it('takes TypedArrays in their own dtype, with an optional shape, copying the data', () => {
    const data = new Int32Array([1, 2, 3, 4, 5, 6]);
    const x = ax.array(data, { shape: [2, 3] });
    data[0] = 100;
    expect(x.dtype).toBe('int32');
    expect(x.arraySync()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(ax.array(new Uint8Array([0, 3])).arraySync()).toEqual([false, true]);
    expect(ax.array(new Float32Array([1.5, 2.5]), 'int32').arraySync()).toEqual([1, 2]);
  });

  it('rejects ragged nesting, a shape that does not fit, and unknown dtypes', () => {
    expect(() => ax.array([[1, 2], [3]])).toThrow(/ragged nested array; expected 2 elements at depth 1/);
    expect(() => ax.array([[1], 2] as number[][])).toThrow(/ragged nested array/);
    expect(() => ax.array(new Float32Array(5), { shape: [2, 3] })).toThrow(
      /5 elements do not fill shape \[2, 3\]/,
    );
    expect(() => ax.array([1], 'float64' as ax.DType)).toThrow(/unknown dtype "float64"/);
  });

  it('fills with full, zeros, ones and their -like forms', () => {
    expect(ax.full([2, 2], 7, 'int32').arraySync()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    expect(ax.zeros([3]).arraySync()).toEqual([0, 0, 0]);
    expect(ax.ones([2], 'bool').arraySync()).toEqual([true, true]);
    const base = ax.array([[1, 2]], 'int32');
    expect(ax.onesLike(base).dtype).toBe('int32');
    expect(ax.zerosLike(base).shape).toEqual([1, 2]);
    expect(ax.fullLike(base, 2.5, 'float32').arraySync()).toEqual([[2.5, 2.5]]);
    expect(() => ax.zeros([2, -1])).toThrow(/full: invalid shape \[2, -1\]/);
  });

  it('counts with arange as numpy does', () => {
    expect(ax.arange(4).arraySync()).toEqual([0, 1, 2, 3]);
    expect(ax.arange(4).dtype).toBe('int32');
    expect(ax.arange(2, 8, 3).arraySync()).toEqual([2, 5]);
    expect(ax.arange(0, 1, 0.25).arraySync()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(ax.arange(5, 1, -2).arraySync()).toEqual([5, 3]);
    expect(ax.arange(3, 1).shape).toEqual([0]);
    expect(() => ax.arange(0, 3, 0)).toThrow(/arange: step must not be 0/);
  });

  it('spaces evenly with linspace, with and without the endpoint', () => {
    expect(ax.linspace(0, 1, 5).arraySync()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ax.linspace(0, 1, 4, { endpoint: false }).arraySync()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(ax.linspace(2, 3, 1).arraySync()).toEqual([2]);
    expect(ax.linspace(0, 1, 0).shape).toEqual([0]);
  });

  it('builds identities with eye, including rectangular and offset diagonals', () => {
    expect(ax.eye(2).arraySync()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(ax.eye(2, 3, 1).arraySync()).toEqual([
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(ax.eye(3, 2, -1, 'int32').arraySync()).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
  });

  it('prints like numpy', () => {
    expect(
      ax
        .array([
          [1, 2],
          [3, 4.5],
        ])
        .toString(),
    ).toBe('Array([[1., 2.], [3., 4.5]], dtype=float32)');
    expect(ax.array([1, 2], 'int32').toString()).toBe('Array([1, 2], dtype=int32)');
    expect(ax.array([true]).toString()).toBe('Array([true], dtype=bool)');
    expect(ax.array(0.1).toString()).toBe('Array(0.1, dtype=float32)');
  });

  it('refuses item() on arrays of more than one element', () => {
    expect(() => ax.zeros([2]).item()).toThrow(
      /only one-element arrays convert to a scalar, got shape \[2\]/,
    );
  });
});
