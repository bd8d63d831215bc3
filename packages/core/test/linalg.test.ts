import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

const a23 = (): ax.Array =>
  ax.array([
    [1, 2, 3],
    [4, 5, 6],
  ]);
const b32 = (): ax.Array =>
  ax.array([
    [7, 8],
    [9, 10],
    [11, 12],
  ]);
const m22 = (): ax.Array =>
  ax.array([
    [1, 2],
    [3, 4],
  ]);

describe('matmul', () => {
  it('multiplies matrices, and as an Array method', () => {
    const expected = [
      [58, 64],
      [139, 154],
    ];
    expect(ax.matmul(a23(), b32()).arraySync()).toEqual(expected);
    expect(a23().matmul(b32()).arraySync()).toEqual(expected);
  });

  it('promotes 1-D operands to row and column vectors and removes the added axis', () => {
    expect(ax.matmul(ax.array([1, 2]), a23()).arraySync()).toEqual([9, 12, 15]);
    expect(ax.matmul(a23(), ax.array([1, 0, -1])).arraySync()).toEqual([-2, -2]);
    const inner = ax.matmul(ax.array([1, 2, 3]), ax.array([4, 5, 6]));
    expect(inner.shape).toEqual([]);
    expect(inner.item()).toBe(32);
    // [1, 1] @ each [2, 4] matrix: its column sums
    const batched = ax.matmul(ax.array([1, 1]), ax.reshape(ax.arange(0, 16, 1, 'float32'), [2, 2, 4]));
    expect(batched.arraySync()).toEqual([
      [4, 6, 8, 10],
      [20, 22, 24, 26],
    ]);
  });

  it('broadcasts batch axes', () => {
    const scaled = ax.array([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [2, 0],
        [0, 2],
      ],
    ]);
    expect(ax.matmul(scaled, m22()).arraySync()).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [2, 4],
        [6, 8],
      ],
    ]);
    const a = ax.array([
      [
        [1, 1],
        [0, 1],
      ],
    ]);
    const bs = ax.array([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [2, 0],
        [0, 2],
      ],
      [
        [0, 1],
        [1, 0],
      ],
    ]);
    expect(ax.matmul(a, bs).arraySync()).toEqual([
      [
        [1, 1],
        [0, 1],
      ],
      [
        [2, 2],
        [0, 2],
      ],
      [
        [1, 1],
        [1, 0],
      ],
    ]);
    expect(ax.matmul(ax.zeros([4, 1, 2, 3]), ax.zeros([5, 3, 6])).shape).toEqual([4, 5, 2, 6]);
  });

  it('promotes dtypes; int32 wraps; bool is an or of ands', () => {
    const ints = ax.matmul(ax.array([[65536]], 'int32'), ax.array([[65536]], 'int32'));
    expect(ints.dtype).toBe('int32');
    expect(ints.item()).toBe(0);
    expect(ax.matmul(ax.array([[1, 2]], 'int32'), ax.array([[0.5], [0.25]])).arraySync()).toEqual([[1]]);
    const bools = ax.matmul(
      ax.array([
        [true, false],
        [true, true],
        [false, false],
      ]),
      ax.array([[false], [true]]),
    );
    expect(bools.dtype).toBe('bool');
    expect(bools.arraySync()).toEqual([[false], [true], [false]]);
  });

  it('handles zero-size operands', () => {
    expect(ax.matmul(ax.zeros([2, 0]), ax.zeros([0, 3])).arraySync()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(ax.matmul(ax.zeros([0, 2, 3]), ax.zeros([3, 4])).shape).toEqual([0, 2, 4]);
  });

  it('names matmul, both shapes and the contracting sizes when they do not align', () => {
    expect(() => ax.matmul(ax.zeros([2, 3]), ax.zeros([4, 5]))).toThrow(
      /matmul: shapes float32\[2, 3\] and float32\[4, 5\] do not align: the first has 3 along its last axis, the second 4 along its second-to-last axis/,
    );
    expect(() => ax.matmul(ax.zeros([2, 3]), ax.zeros([4]))).toThrow(/the second 4 along its only axis/);
    expect(() => ax.matmul(ax.scalar(2), ax.zeros([2]))).toThrow(
      /matmul: operands must have at least one axis, got float32\[\] and float32\[2\]; use multiply/,
    );
    expect(() => ax.matmul(ax.zeros([2, 2, 2]), ax.zeros([3, 2, 2]))).toThrow(
      /matmul \(batch axes of float32\[2, 2, 2\] and float32\[3, 2, 2\]\): shapes \[2\] and \[3\] cannot be broadcast/,
    );
  });
});

describe('dot, vdot, inner, outer', () => {
  it('dot follows numpy: scalars multiply, vectors give a scalar, else last axis with second-to-last', () => {
    expect(ax.dot(2, ax.array([1, 2])).arraySync()).toEqual([2, 4]);
    expect(ax.dot(ax.array([1, 2, 3]), ax.array([4, 5, 6])).item()).toBe(32);
    expect(ax.dot(m22(), ax.array([1, 1])).arraySync()).toEqual([3, 7]);
    expect(m22().dot(m22()).arraySync()).toEqual([
      [7, 10],
      [15, 22],
    ]);
    // dot(a, b)[i, j, k, m] = sum_l a[i, j, l] * b[k, l, m]; b[0] picks l = 0, b[1] picks l = 1
    const a = ax.array([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    const b = ax.array([
      [[1], [0]],
      [[0], [1]],
    ]);
    expect(ax.dot(a, b).arraySync()).toEqual([
      [
        [[1], [2]],
        [[3], [4]],
      ],
    ]);
    expect(() => ax.dot(ax.zeros([2, 3]), ax.zeros([2]))).toThrow(
      /dot: shapes float32\[2, 3\] and float32\[2\] do not align: contracting axis 1 \(last\) of the first \(size 3\) with axis 0 \(last\) of the second \(size 2\)/,
    );
  });

  it('vdot flattens both operands', () => {
    expect(ax.vdot(m22(), ax.ones([2, 2])).item()).toBe(10);
    expect(ax.vdot(m22(), ax.array([1, 0, 0, 1])).item()).toBe(5);
    expect(() => ax.vdot(m22(), ax.ones([3]))).toThrow(
      /vdot: operands float32\[2, 2\] and float32\[3\] must have one size, got 4 and 3/,
    );
  });

  it('inner contracts the last axes', () => {
    expect(ax.inner(m22(), ax.array([1, 10])).arraySync()).toEqual([21, 43]);
    expect(
      ax
        .inner(
          m22(),
          ax.array([
            [1, 0],
            [0, 1],
            [1, 1],
          ]),
        )
        .arraySync(),
    ).toEqual([
      [1, 2, 3],
      [3, 4, 7],
    ]);
    expect(ax.inner(3, ax.array([1, 2])).arraySync()).toEqual([3, 6]);
    expect(() => ax.inner(m22(), ax.ones([3]))).toThrow(
      /inner: shapes float32\[2, 2\] and float32\[3\] do not align/,
    );
  });

  it('outer flattens and multiplies every pair', () => {
    expect(ax.outer(ax.array([1, 2]), ax.array([1, 10, 100])).arraySync()).toEqual([
      [1, 10, 100],
      [2, 20, 200],
    ]);
    expect(ax.outer(ax.array([[1, 2]]), ax.array(3)).arraySync()).toEqual([[3], [6]]);
    expect(ax.outer(ax.zeros([0]), ax.ones([2])).shape).toEqual([0, 2]);
  });
});

describe('tensordot', () => {
  const a = (): ax.Array =>
    ax.array([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  const b = (): ax.Array =>
    ax.array([
      [1, 0, 1],
      [0, 1, 1],
    ]);

  it('contracts the last n axes with the first n (default 2)', () => {
    const full = ax.tensordot(ax.ones([2, 3, 4]), ax.ones([3, 4, 5]));
    expect(full.shape).toEqual([2, 5]);
    expect(full.arraySync()).toEqual([
      [12, 12, 12, 12, 12],
      [12, 12, 12, 12, 12],
    ]);
    expect(ax.tensordot(ax.array([1, 2]), ax.array([3, 4]), 0).arraySync()).toEqual([
      [3, 4],
      [6, 8],
    ]);
    expect(ax.tensordot(a(), b(), 1).arraySync()).toEqual([
      [1, 2, 3],
      [3, 4, 7],
      [5, 6, 11],
    ]);
  });

  it('contracts listed axes pairwise, negative axes included', () => {
    // out[i, j] = sum_k a[k, i] * b[j, k]
    const expected = [
      [6, 8],
      [8, 10],
    ];
    expect(ax.tensordot(a(), b(), [[0], [1]]).arraySync()).toEqual(expected);
    expect(ax.tensordot(a(), b(), [0, 1]).arraySync()).toEqual(expected);
    expect(ax.tensordot(a(), b(), [[-2], [-1]]).arraySync()).toEqual(expected);
  });

  it('rejects bad axes and misaligned sizes', () => {
    expect(() => ax.tensordot(a(), b(), 3)).toThrow(/tensordot: axes 3 must be an integer in \[0, 2\]/);
    expect(() => ax.tensordot(a(), b(), [[0, 1], [1]])).toThrow(
      /tensordot: axes \[0, 1\] and \[1\] must pair up/,
    );
    expect(() => ax.tensordot(a(), b(), [[0], [2]])).toThrow(/tensordot: axes\[1\] 2 is out of range/);
    expect(() => ax.tensordot(a(), b(), [[0], [0]])).toThrow(
      /tensordot: shapes float32\[3, 2\] and float32\[2, 3\] do not align: contracting axis 0 of the first \(size 3\) with axis 0 of the second \(size 2\)/,
    );
  });
});

describe('einsum', () => {
  it('contracts, batches, transposes and sums', () => {
    const product = [
      [58, 64],
      [139, 154],
    ];
    expect(ax.einsum('ij,jk->ik', a23(), b32()).arraySync()).toEqual(product);
    expect(ax.einsum('ij,jk', a23(), b32()).arraySync()).toEqual(product);
    expect(ax.einsum(' i j , j k -> i k ', a23(), b32()).arraySync()).toEqual(product);
    expect(ax.einsum('ij->ji', m22()).arraySync()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(ax.einsum('ba', m22()).arraySync()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(ax.einsum('ij->', m22()).item()).toBe(10);
    expect(ax.einsum('ij->j', m22()).arraySync()).toEqual([4, 6]);
    expect(ax.einsum('i,i', ax.array([1, 2, 3]), ax.array([4, 5, 6])).item()).toBe(32);
    expect(ax.einsum('i,j->ij', ax.array([1, 2]), ax.array([3, 4])).arraySync()).toEqual([
      [3, 4],
      [6, 8],
    ]);
    expect(ax.einsum('ij,ij->ij', m22(), m22()).arraySync()).toEqual([
      [1, 4],
      [9, 16],
    ]);
    expect(ax.einsum('ij,ij', m22(), m22()).item()).toBe(30);
  });

  it('batches with bij,bjk->bik', () => {
    const a = ax.array([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    const b = ax.array([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [2, 1],
        [1, 2],
      ],
    ]);
    expect(ax.einsum('bij,bjk->bik', a, b).arraySync()).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [16, 17],
        [22, 23],
      ],
    ]);
  });

  it('contracts three operands left to right and sums letters used once', () => {
    const swap = ax.array([
      [0, 1],
      [1, 0],
    ]);
    expect(ax.einsum('ij,jk,kl->il', m22(), ax.eye(2), swap).arraySync()).toEqual([
      [2, 1],
      [4, 3],
    ]);
    // sum_j a[i, j] * sum_k c[k]: 'k' appears once and is not in the output
    expect(ax.einsum('ij,k->i', m22(), ax.array([1, 2])).arraySync()).toEqual([9, 21]);
    expect(ax.einsum('ij,jk->ik', ax.array([[1, 2]], 'int32'), ax.array([[3], [4]], 'int32')).dtype).toBe(
      'int32',
    );
    expect(ax.einsum('ij,jk->ik', ax.zeros([2, 0]), ax.zeros([0, 3])).arraySync()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('explains what it cannot do or what does not fit', () => {
    expect(() => ax.einsum('ii->i', m22())).toThrow(
      /einsum: operand 0 \('ii'\) repeats the letter 'i'; traces and diagonals within one operand are not supported/,
    );
    expect(() => ax.einsum('ij,jk', a23(), a23())).toThrow(
      /einsum: letter 'j' stands for size 3 and also 2 \(operand 1, 'jk'\)/,
    );
    expect(() => ax.einsum('ij,jk', a23())).toThrow(/einsum: 'ij,jk' names 2 operand\(s\) but 1 were given/);
    expect(() => ax.einsum('ijk', a23())).toThrow(
      /einsum: operand 0 has 2 axes \(shape \[2, 3\]\) but 'ijk' names 3/,
    );
    expect(() => ax.einsum('ij->ik', a23())).toThrow(/einsum: output letter 'k' appears in no operand/);
    expect(() => ax.einsum('ij->ii', a23())).toThrow(/einsum: output 'ii' repeats the letter 'i'/);
    expect(() => ax.einsum('...i->i', a23())).toThrow(/einsum: '...' \(ellipsis\) is not supported/);
  });
});
