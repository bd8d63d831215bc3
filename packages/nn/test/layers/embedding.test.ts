import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from '../close.js';
import { expectCallKeepsOnlyItsOutput, expectJitMatchesEager, F32, layerGradient } from './layer-checks.js';

const EXACT = { rtol: 0, atol: 0 };
const ints = (...shape: number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'int32');
const indices = (xs: number[]): ax.Array => ax.array(xs, 'int32');

/** A 4 x 3 table whose row i is [10i, 10i + 1, 10i + 2]. */
function table(): nn.EmbeddingLayer {
  const init: nn.initializers.Initializer = () =>
    ax.array([0, 1, 2, 3].map((i) => [10 * i, 10 * i + 1, 10 * i + 2]));
  return nn.Embedding(4, 3, { embeddingInit: init }).init(ax.random.key(0), ints(2));
}

describe('Embedding', () => {
  it('maps indices [...] to rows [..., features]', () => {
    expect(nn.Embedding(10, 4).spec(ints(3)).shape).toEqual([3, 4]);
    expect(nn.Embedding(10, 4).spec(ints(2, 5)).shape).toEqual([2, 5, 4]);
    expect(nn.Embedding(10, 4).spec(ints()).shape).toEqual([4]);
    expect(nn.Embedding(10, 4).spec(new ax.ShapeDtype([3], 'uint32')).dtype).toBe('float32');
  });

  it('draws the table [numEmbeddings, features] as normal(1 / sqrt(features)) by default', () => {
    const key = ax.random.key(2);
    const layer = nn.Embedding(50, 16).init(key, ints(3));
    expect(layer.numEmbeddings).toBe(50);
    expect(layer.features).toBe(16);
    expectClose(layer.params.embedding, nn.initializers.normal(0.25)(key, [50, 16]), EXACT);
    expect(String(layer)).toBe('Embedding(50, 16)');
  });

  it('looks up the rows of the indices, repeated and negative ones included', () => {
    const layer = table();
    const rows = values(layer.params.embedding);
    const row = (i: number): number[] => rows.slice(3 * i, 3 * i + 3);
    expectClose(layer.call(indices([2, 0, 2])), [...row(2), ...row(0), ...row(2)], EXACT);
    expectClose(layer.call(ax.array([[3], [1]], 'int32')), [...row(3), ...row(1)], EXACT);
    // As jnp.take: -1 is the last row.
    expectClose(layer.call(indices([-1])), row(3), EXACT);
  });

  it('gives a row of NaN for an index out of range, as JAX take', () => {
    const out = values(table().call(indices([4, 0])));
    expect(out.slice(0, 3).every(Number.isNaN)).toBe(true);
    expect(out.slice(3).some(Number.isNaN)).toBe(false);
  });

  it('has the scatter-add of the cotangent rows as its gradient (random indices in [0, 6), 1..8 of them)', () => {
    const layer = nn.Embedding(6, 2).init(ax.random.key(0), ints(1));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 8 }),
        fc.nat(1000),
        (idx, seed) => {
          const g = ax.random.normal(ax.random.key(seed), [idx.length, 2]);
          const grad = layerGradient(layer, indices(idx), g);
          const expected = new globalThis.Array<number>(12).fill(0);
          const gs = values(g);
          idx.forEach((row, k) => {
            expected[2 * row]! += gs[2 * k]!;
            expected[2 * row + 1]! += gs[2 * k + 1]!;
          });
          expectClose(grad.params.embedding, expected, F32);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('under vmap looks up each example', () => {
    const layer = table();
    const batch = ax.array(
      [
        [0, 1],
        [3, 3],
      ],
      'int32',
    );
    expectClose(ax.vmap((e: ax.Array) => layer.call(e))(batch), layer.call(batch), EXACT);
  });

  it('gives the same values jitted as eagerly', () => {
    expectJitMatchesEager(table(), indices([1, 3, 0]));
  });

  it('frees what an eager call computes on the way', () => {
    expectCallKeepsOnlyItsOutput(table(), indices([1, 3, 0]));
  });

  it('rejects float indices and bad sizes, naming Embedding', () => {
    expect(() => nn.Embedding(4, 3).spec(new ax.ShapeDtype([2], 'float32'))).toThrow(
      /Embedding: the input holds indices and must be int32 or uint32, got float32\[2\]/,
    );
    expect(() => table().call(ax.array([1, 2]))).toThrow(ax.DTypeError);
    expect(() => nn.Embedding(0, 3).init(ax.random.key(0), ints(2))).toThrow(
      /Embedding: numEmbeddings must be a positive integer, got 0/,
    );
    expect(() => nn.Embedding(4, 2.5).spec(ints(2))).toThrow(/features must be a positive integer/);
  });
});
