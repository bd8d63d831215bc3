import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { registerCpuMin } from './helpers.js';

registerCpuMin();

afterEach(() => {
  ax.setBackend('cpu');
});

const { lax } = ax;

/** The flat values of `x`, -0 kept distinct from 0 (`toEqual` on plain numbers would not care). */
function bits(x: ax.Array): string[] {
  return globalThis.Array.from(x.dataSync(), (v) => (Object.is(v, -0) ? '-0' : String(v)));
}

/** Runs `fn` on the kernels ('cpu') and on the decompositions ('cpu-min'); they must agree bit for bit. */
function kernelMatchesDecomposition(fn: () => ax.Array[]): void {
  ax.setBackend('cpu');
  const kernel = fn();
  ax.setBackend('cpu-min');
  const decomposed = fn();
  ax.setBackend('cpu');
  expect(decomposed.map((d) => [d.shape, d.dtype])).toEqual(kernel.map((k) => [k.shape, k.dtype]));
  expect(decomposed.map(bits)).toEqual(kernel.map(bits));
}

describe('sort', () => {
  it('sorts along the last axis by default and along any other', () => {
    const [a] = lax.sort([ax.array([3, 1, 2])]);
    expect(a!.arraySync()).toEqual([1, 2, 3]);
    const x = ax.array([
      [3, 1],
      [2, 0],
    ]);
    expect(lax.sort([x], 0)[0]!.arraySync()).toEqual([
      [2, 0],
      [3, 1],
    ]);
    expect(lax.sort([x], -1)[0]!.arraySync()).toEqual([
      [1, 3],
      [0, 2],
    ]);
  });

  it('puts NaN last and keeps -0 and 0 in their original order', () => {
    const [a] = lax.sort([ax.array([NaN, 1, -Infinity, NaN, 0, Infinity])]);
    expect(bits(a!)).toEqual(['-Infinity', '0', '1', 'Infinity', 'NaN', 'NaN']);
    const [b] = lax.sort([ax.array([0, -0, 0, -1])]);
    expect(bits(b!)).toEqual(['-1', '0', '-0', '0']);
  });

  it('is stable and carries the other operands along', () => {
    const keys = ax.array([1, 0, 1, 0]);
    const values = ax.array([0, 1, 2, 3], 'int32');
    const [k, v] = lax.sort([keys, values], 0, 1);
    expect(k!.arraySync()).toEqual([0, 0, 1, 1]);
    expect(v!.arraySync()).toEqual([1, 3, 0, 2]);
    expect(v!.dtype).toBe('int32');
  });

  it('orders by several keys lexicographically', () => {
    const k1 = ax.array([1, 0, 1, 0]);
    const k2 = ax.array([2, 5, 1, 5]);
    const v = ax.array([0, 1, 2, 3], 'int32');
    const byBoth = lax.sort([k1, k2, v], 0, 2);
    expect(byBoth.map((o) => o.arraySync())).toEqual([
      [0, 0, 1, 1],
      [5, 5, 1, 2],
      [1, 3, 2, 0],
    ]);
    const byFirst = lax.sort([k1, k2, v], 0, 1);
    expect(byFirst.map((o) => o.arraySync())).toEqual([
      [0, 0, 1, 1],
      [5, 5, 2, 1],
      [1, 3, 0, 2],
    ]);
  });

  it('sorts every dtype: int32 signed, uint32 unsigned, bool false first', () => {
    expect(lax.sort([ax.array([-1, -5, 3], 'int32')])[0]!.arraySync()).toEqual([-5, -1, 3]);
    expect(lax.sort([ax.array([2 ** 32 - 1, 0, 5], 'uint32')])[0]!.arraySync()).toEqual([0, 5, 2 ** 32 - 1]);
    expect(lax.sort([ax.array([true, false, true])])[0]!.arraySync()).toEqual([false, true, true]);
  });

  it('handles zero-size operands and length-1 axes', () => {
    expect(lax.sort([ax.zeros([2, 0])])[0]!.shape).toEqual([2, 0]);
    expect(lax.sort([ax.zeros([0, 3])], 1)[0]!.shape).toEqual([0, 3]);
    expect(lax.sort([ax.array([[4], [2]])], 1)[0]!.arraySync()).toEqual([[4], [2]]);
  });

  it('rejects mismatched shapes, bad numKeys and bad dimensions', () => {
    expect(() => lax.sort([ax.zeros([2]), ax.zeros([3])])).toThrow(
      /sort: operands must have equal shapes, got float32\[2\] and float32\[3\]/,
    );
    expect(() => lax.sort([ax.zeros([2]), ax.zeros([2])], 0, 3)).toThrow(
      /sort: numKeys 3 must be an integer in \[1, 2\]/,
    );
    expect(() => lax.sort([ax.zeros([2])], 0, 0)).toThrow(ax.ParameterError);
    expect(() => lax.sort([ax.zeros([2])], 1)).toThrow(
      /sort: dimension 1 is out of range for operand float32\[2\]/,
    );
    expect(() => lax.sort([ax.scalar(1)])).toThrow(
      /sort: dimension -1 is out of range for operand float32\[\]/,
    );
    expect(() => lax.sort([])).toThrow(/sort: needs at least one operand/);
  });

  it('matches its decomposition bit for bit (tolerance 0) on hand-picked cases', () => {
    kernelMatchesDecomposition(() => lax.sort([ax.array([NaN, 1, -Infinity, NaN, 0, -0, Infinity, 1])]));
    kernelMatchesDecomposition(() =>
      lax.sort([ax.array([1, 0, 1, 0]), ax.array([2, 5, 1, 5]), ax.array([0, 1, 2, 3], 'int32')], 0, 2),
    );
    kernelMatchesDecomposition(() =>
      lax.sort(
        [
          ax.array([
            [3, 1],
            [2, 0],
          ]),
          ax.array([
            [true, false],
            [false, true],
          ]),
        ],
        0,
      ),
    );
    kernelMatchesDecomposition(() => lax.sort([ax.array([-1, -5, 3, -(2 ** 31)], 'int32')]));
    kernelMatchesDecomposition(() => lax.sort([ax.array([2 ** 32 - 1, 0, 5], 'uint32')]));
    kernelMatchesDecomposition(() => lax.sort([ax.array([true, false, true])]));
    kernelMatchesDecomposition(() => lax.sort([ax.zeros([2, 0])]));
  });

  it('matches its decomposition on random shapes, axes and key counts (values from a small set with NaN, -0 and ties; exact)', () => {
    const value = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 2.5);
    const input = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }).chain((shape) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const values = fc.array(value, { minLength: size, maxLength: size });
      return fc.record({
        shape: fc.constant(shape),
        a: values,
        b: values,
        axis: fc.nat(shape.length - 1),
        numKeys: fc.integer({ min: 1, max: 2 }),
      });
    });
    fc.assert(
      fc.property(input, ({ shape, a, b, axis, numKeys }) => {
        kernelMatchesDecomposition(() =>
          lax.sort(
            [
              ax.array(new Float32Array(a), { shape }),
              ax.array(new Float32Array(b), { shape }),
              ax.lax.iota('int32', shape, axis),
            ],
            axis,
            numKeys,
          ),
        );
      }),
      { numRuns: 40 },
    );
  });
});
