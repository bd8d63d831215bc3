import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { INT_MAX, INT_MIN, registerCpuMin, UINT_MAX } from './helpers.js';

registerCpuMin();

afterEach(() => {
  ax.setBackend('cpu');
});

const { lax } = ax;

/** Whether `a` and `b` agree: both NaN, or within `tol * (1 + |a|)` (bit-identical, -0 included, when tol is 0). */
function agrees(a: number, b: number, tol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (tol === 0 || !Number.isFinite(a)) return Object.is(a, b);
  return Math.abs(a - b) <= tol * (1 + Math.abs(a));
}

/**
 * Runs `fn` on the full CPU backend (kernels) and on `cpu-min` (decompositions), and checks the
 * two results agree within `tol` (relative, see {@link agrees}).
 */
function kernelMatchesDecomposition(fn: () => ax.Array | ax.Array[], tol: number): void {
  const run = (backend: string): ax.Array[] => {
    ax.setBackend(backend);
    const out = fn();
    return globalThis.Array.isArray(out) ? out : [out];
  };
  const kernel = run('cpu');
  const decomposed = run('cpu-min');
  ax.setBackend('cpu');
  expect(decomposed.length).toBe(kernel.length);
  kernel.forEach((k, i) => {
    const d = decomposed[i]!;
    expect(d.shape).toEqual(k.shape);
    expect(d.dtype).toBe(k.dtype);
    const want = globalThis.Array.from(k.dataSync());
    const got = globalThis.Array.from(d.dataSync());
    const bad = want.findIndex((w, j) => !agrees(w, got[j]!, tol));
    expect(bad, `element ${bad}: kernel ${want[bad]}, decomposition ${got[bad]}`).toBe(-1);
  });
}

describe('cpu-min really decomposes', () => {
  it('has no kernel for the non-minimal reductions', () => {
    const kernels = ax.findBackend('cpu-min').kernels;
    for (const name of [
      'reduceMin',
      'reduceProd',
      'reduceAnd',
      'reduceOr',
      'argmax',
      'argmin',
      'cumsum',
      'sort',
    ]) {
      expect(kernels[name], name).toBeUndefined();
    }
    expect(kernels.reduceSum).toBeDefined();
  });
});

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
    // Step by step in float32, 2^24 + 1 rounds back to 2^24 twice; in float64 the total is 2^24 + 2.
    const x = ax.array([2 ** 24, 1, 1]);
    expect(lax.reduceSum(x, [0]).item()).toBe(2 ** 24 + 2);
  });

  it('propagates NaN and infinities', () => {
    expect(lax.reduceSum(ax.array([1, NaN, 2]), [0]).item()).toBeNaN();
    expect(lax.reduceSum(ax.array([1, Infinity]), [0]).item()).toBe(Infinity);
    expect(lax.reduceSum(ax.array([Infinity, -Infinity]), [0]).item()).toBeNaN();
  });

  it('wraps int32 and uint32', () => {
    expect(lax.reduceSum(ax.array([INT_MAX, 1], 'int32'), [0]).item()).toBe(INT_MIN);
    expect(lax.reduceSum(ax.array([-5, 3], 'int32'), [0]).item()).toBe(-2);
    expect(lax.reduceSum(ax.array([UINT_MAX, 2], 'uint32'), [0]).item()).toBe(1);
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
    expect(lax.reduceMax(ax.zeros([0], 'int32'), [0]).item()).toBe(INT_MIN);
    expect(lax.reduceMax(ax.zeros([0], 'uint32'), [0]).item()).toBe(0);
  });

  it('compares int32 signed and uint32 unsigned', () => {
    expect(lax.reduceMax(ax.array([-3, -7], 'int32'), [0]).item()).toBe(-3);
    expect(lax.reduceMax(ax.array([1, UINT_MAX], 'uint32'), [0]).item()).toBe(UINT_MAX);
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

describe('reduceMin', () => {
  const x = (): ax.Array =>
    ax.array([
      [1, 5, -2],
      [7, 0, 3],
    ]);

  it('takes the minimum over axes', () => {
    expect(lax.reduceMin(x(), [1]).arraySync()).toEqual([-2, 0]);
    expect(lax.reduceMin(x(), [-2]).arraySync()).toEqual([1, 0, -2]);
    expect(lax.reduceMin(ax.array([-3, 4, INT_MAX], 'int32'), [0]).item()).toBe(-3);
    expect(lax.reduceMin(ax.array([7, UINT_MAX, 3], 'uint32'), [0]).item()).toBe(3);
  });

  it('propagates NaN, orders -0 below 0, and has the dtype-highest value as the empty identity', () => {
    expect(lax.reduceMin(ax.array([1, NaN]), [0]).item()).toBeNaN();
    expect(Object.is(lax.reduceMin(ax.array([0, -0]), [0]).item(), -0)).toBe(true);
    expect(lax.reduceMin(ax.zeros([0]), [0]).item()).toBe(Infinity);
    expect(lax.reduceMin(ax.zeros([2, 0], 'int32'), [1]).arraySync()).toEqual([INT_MAX, INT_MAX]);
    expect(lax.reduceMin(ax.zeros([0], 'uint32'), [0]).item()).toBe(UINT_MAX);
  });

  it('matches its decomposition exactly (tolerance 0), NaN, -0, infinities and empty axes included', () => {
    kernelMatchesDecomposition(
      () =>
        lax.reduceMin(
          ax.array([
            [1, -0, 0],
            [NaN, 2, -Infinity],
          ]),
          [1],
        ),
      0,
    );
    kernelMatchesDecomposition(
      () =>
        lax.reduceMin(
          ax.array([
            [0, -0],
            [-0, 0],
          ]),
          [0],
        ),
      0,
    );
    kernelMatchesDecomposition(
      () =>
        lax.reduceMin(
          ax.array(
            [
              [5, -7],
              [INT_MIN, INT_MAX],
            ],
            'int32',
          ),
          [0, 1],
        ),
      0,
    );
    kernelMatchesDecomposition(
      () =>
        lax.reduceMin(
          ax.array(
            [
              [5, UINT_MAX],
              [0, 9],
            ],
            'uint32',
          ),
          [1],
        ),
      0,
    );
    kernelMatchesDecomposition(() => lax.reduceMin(ax.zeros([3, 0]), [1]), 0);
    kernelMatchesDecomposition(() => lax.reduceMin(ax.zeros([0], 'int32'), [0]), 0);
    kernelMatchesDecomposition(() => lax.reduceMin(ax.zeros([0], 'uint32'), [0]), 0);
  });

  it('rejects bool', () => {
    expect(() => lax.reduceMin(ax.array([true]), [0])).toThrow(/reduceMin: operand bool\[1\] has dtype bool/);
  });
});

describe('reduceProd', () => {
  it('multiplies over axes, with 1 for an empty axis', () => {
    const x = ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(lax.reduceProd(x, [1]).arraySync()).toEqual([6, 120]);
    expect(lax.reduceProd(x, [-2]).arraySync()).toEqual([4, 10, 18]);
    expect(lax.reduceProd(x, [0, 1]).item()).toBe(720);
    expect(lax.reduceProd(ax.zeros([2, 0]), [1]).arraySync()).toEqual([1, 1]);
    expect(lax.reduceProd(ax.scalar(3), []).item()).toBe(3);
  });

  it('wraps int32 and uint32 and propagates NaN', () => {
    expect(lax.reduceProd(ax.array([65536, 32768], 'int32'), [0]).item()).toBe(INT_MIN);
    expect(lax.reduceProd(ax.array([65536, 65536, 3], 'int32'), [0]).item()).toBe(0);
    expect(lax.reduceProd(ax.array([65536, 65537], 'uint32'), [0]).item()).toBe(65536);
    expect(lax.reduceProd(ax.array([-3, 5], 'int32'), [0]).item()).toBe(-15);
    expect(lax.reduceProd(ax.array([0, NaN]), [0]).item()).toBeNaN();
    expect(lax.reduceProd(ax.array([0, Infinity]), [0]).item()).toBeNaN();
  });

  it('matches its decomposition: integers exactly, floats within 1e-5 relative (pairwise float32 vs float64)', () => {
    kernelMatchesDecomposition(
      () =>
        lax.reduceProd(
          ax.array([
            [1.5, -2, 3, 0.25, 7],
            [1, 1, 1, 1, -1],
          ]),
          [1],
        ),
      1e-5,
    );
    kernelMatchesDecomposition(
      () => lax.reduceProd(ax.array([65536, 32768, 3, 5, 7, 11, 13], 'int32'), [0]),
      0,
    );
    kernelMatchesDecomposition(
      () =>
        lax.reduceProd(
          ax.array(
            [
              [65537, 3],
              [65536, UINT_MAX],
            ],
            'uint32',
          ),
          [0, 1],
        ),
      0,
    );
    kernelMatchesDecomposition(
      () =>
        lax.reduceProd(
          ax.array([
            [NaN, 1],
            [Infinity, 2],
          ]),
          [0],
        ),
      0,
    );
    kernelMatchesDecomposition(() => lax.reduceProd(ax.zeros([2, 0, 3]), [1, 2]), 0);
    kernelMatchesDecomposition(() => lax.reduceProd(ax.ones([2, 3]), []), 0);
  });
});

describe('reduceAnd and reduceOr', () => {
  const x = (): ax.Array =>
    ax.array([
      [true, false],
      [true, true],
    ]);

  it('reduce bools, true and false for empty axes', () => {
    expect(lax.reduceAnd(x(), [1]).arraySync()).toEqual([false, true]);
    expect(lax.reduceAnd(x(), [0]).arraySync()).toEqual([true, false]);
    expect(lax.reduceOr(x(), [1]).arraySync()).toEqual([true, true]);
    expect(lax.reduceOr(ax.array([false, false]), [0]).item()).toBe(false);
    expect(lax.reduceAnd(ax.zeros([0], 'bool'), [0]).item()).toBe(true);
    expect(lax.reduceOr(ax.zeros([0], 'bool'), [0]).item()).toBe(false);
    expect(lax.reduceAnd(x(), [0, 1]).dtype).toBe('bool');
  });

  it('match their decompositions exactly (tolerance 0)', () => {
    for (const reduce of [lax.reduceAnd, lax.reduceOr]) {
      kernelMatchesDecomposition(() => reduce(x(), [1]), 0);
      kernelMatchesDecomposition(() => reduce(x(), [-2]), 0);
      kernelMatchesDecomposition(() => reduce(ax.array([false, false, false]), [0]), 0);
      kernelMatchesDecomposition(() => reduce(ax.zeros([2, 0], 'bool'), [1]), 0);
    }
  });

  it('reject non-bool operands', () => {
    expect(() => lax.reduceAnd(ax.array([1, 0]), [0])).toThrow(
      /reduceAnd: operand float32\[2\] has dtype float32; reduceAnd accepts bool/,
    );
    expect(() => lax.reduceOr(ax.array([1], 'int32'), [0])).toThrow(/reduceOr: .* accepts bool/);
  });
});

describe('argmax and argmin', () => {
  it('return the first extreme index as int32, NaN winning', () => {
    const x = ax.array([
      [1, 3, 3],
      [NaN, 0, NaN],
      [2, NaN, 5],
    ]);
    const amax = lax.argmax(x, 1);
    expect(amax.dtype).toBe('int32');
    expect(amax.arraySync()).toEqual([1, 0, 1]);
    expect(lax.argmin(x, -1).arraySync()).toEqual([0, 0, 1]);
    const y = ax.array([
      [1, 5],
      [4, 2],
      [4, 5],
    ]);
    expect(lax.argmax(y, 0).arraySync()).toEqual([1, 0]);
    expect(lax.argmin(y, 0).arraySync()).toEqual([0, 1]);
  });

  it('treat -0 and 0 as tied and handle infinities and integer dtypes', () => {
    expect(lax.argmax(ax.array([-0, 0]), 0).item()).toBe(0);
    expect(lax.argmin(ax.array([0, -0]), 0).item()).toBe(0);
    expect(lax.argmax(ax.array([-Infinity, -Infinity]), 0).item()).toBe(0);
    expect(lax.argmin(ax.array([3, -Infinity, 1]), 0).item()).toBe(1);
    expect(lax.argmax(ax.array([5, INT_MIN, 7, 7], 'int32'), 0).item()).toBe(2);
    expect(lax.argmax(ax.array([5, UINT_MAX, 7], 'uint32'), 0).item()).toBe(1);
    expect(lax.argmin(ax.array([5, UINT_MAX, 7], 'uint32'), 0).item()).toBe(0);
  });

  it('give an empty result when only a kept axis is empty, and reject an empty reduced axis', () => {
    expect(lax.argmax(ax.zeros([0, 3]), 1).shape).toEqual([0]);
    expect(() => lax.argmax(ax.zeros([2, 0]), 1)).toThrow(
      /argmax: axis 1 of operand float32\[2, 0\] is empty; argmax of an empty axis is undefined/,
    );
    expect(() => lax.argmin(ax.zeros([0]), 0)).toThrow(ax.ShapeError);
  });

  it('reject bad axes, bool operands and index dtypes', () => {
    expect(() => lax.argmax(ax.zeros([2]), 1)).toThrow(
      /argmax: axis 1 is out of range for operand float32\[2\]/,
    );
    expect(() => lax.argmin(ax.scalar(1), 0)).toThrow(
      /argmin: axis 0 is out of range for operand float32\[\]/,
    );
    expect(() => lax.argmax(ax.array([true]), 0)).toThrow(/argmax: operand bool\[1\] has dtype bool/);
    expect(() => lax.argmax(ax.zeros([2]), 0, 'uint32' as 'int32')).toThrow(
      /argmax: indexDtype "uint32" is not supported/,
    );
  });

  it('match their decompositions exactly (tolerance 0)', () => {
    for (const arg of [lax.argmax, lax.argmin]) {
      kernelMatchesDecomposition(
        () =>
          arg(
            ax.array([
              [1, 3, 3],
              [NaN, 0, NaN],
              [2, NaN, 5],
              [-0, 0, -0],
            ]),
            1,
          ),
        0,
      );
      kernelMatchesDecomposition(
        () =>
          arg(
            ax.array([
              [1, 5],
              [4, 2],
              [4, 5],
            ]),
            0,
          ),
        0,
      );
      kernelMatchesDecomposition(() => arg(ax.array([[-Infinity, Infinity, -Infinity]]), 1), 0);
      kernelMatchesDecomposition(() => arg(ax.array([5, INT_MIN, 7, 7, INT_MAX], 'int32'), 0), 0);
      kernelMatchesDecomposition(() => arg(ax.array([5, UINT_MAX, 0, 7], 'uint32'), 0), 0);
      kernelMatchesDecomposition(() => arg(ax.zeros([0, 3]), 1), 0);
    }
  });
});

describe('cumsum', () => {
  const x = (): ax.Array =>
    ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);

  it('accumulates along an axis, forwards and in reverse', () => {
    expect(lax.cumsum(x(), 1).arraySync()).toEqual([
      [1, 3, 6],
      [4, 9, 15],
    ]);
    expect(lax.cumsum(x(), -2).arraySync()).toEqual([
      [1, 2, 3],
      [5, 7, 9],
    ]);
    expect(lax.cumsum(x(), 1, true).arraySync()).toEqual([
      [6, 5, 3],
      [15, 11, 6],
    ]);
  });

  it('wraps integers, propagates NaN, keeps a leading -0 and handles empty axes', () => {
    expect(lax.cumsum(ax.array([INT_MAX, 1], 'int32'), 0).arraySync()).toEqual([INT_MAX, INT_MIN]);
    expect(lax.cumsum(ax.array([UINT_MAX, 2], 'uint32'), 0).arraySync()).toEqual([UINT_MAX, 1]);
    const nan = lax.cumsum(ax.array([1, NaN, 2]), 0).arraySync() as number[];
    expect(nan[0]).toBe(1);
    expect(nan[1]).toBeNaN();
    expect(nan[2]).toBeNaN();
    expect(Object.is((lax.cumsum(ax.array([-0, 1]), 0).arraySync() as number[])[0], -0)).toBe(true);
    expect(lax.cumsum(ax.zeros([2, 0]), 1).shape).toEqual([2, 0]);
    expect(lax.cumsum(ax.zeros([0, 2]), 1).shape).toEqual([0, 2]);
  });

  it('rejects bad axes and bool operands', () => {
    expect(() => lax.cumsum(ax.scalar(1), 0)).toThrow(
      /cumsum: axis 0 is out of range for operand float32\[\]/,
    );
    expect(() => lax.cumsum(ax.zeros([2]), -2)).toThrow(
      /cumsum: axis -2 is out of range for operand float32\[2\]/,
    );
    expect(() => lax.cumsum(ax.array([true]), 0)).toThrow(/cumsum: operand bool\[1\] has dtype bool/);
  });

  it('matches its decomposition: integer-valued and special values exactly, fractions within 1e-6 relative', () => {
    for (const reverse of [false, true]) {
      kernelMatchesDecomposition(() => lax.cumsum(x(), 1, reverse), 0);
      kernelMatchesDecomposition(
        () =>
          lax.cumsum(
            ax.array([
              [-0, -0, 1],
              [NaN, 1, 2],
              [Infinity, -Infinity, 1],
            ]),
            1,
            reverse,
          ),
        0,
      );
      kernelMatchesDecomposition(() => lax.cumsum(ax.array([INT_MAX, 1, -3, 4, 5], 'int32'), 0, reverse), 0);
      kernelMatchesDecomposition(() => lax.cumsum(ax.array([UINT_MAX, 2, 3], 'uint32'), 0, reverse), 0);
      kernelMatchesDecomposition(() => lax.cumsum(ax.array([[0.1, 0.2, 0.3, 0.4, 0.5]]), 1, reverse), 1e-6);
      kernelMatchesDecomposition(() => lax.cumsum(ax.array([-0]), 0, reverse), 0);
      kernelMatchesDecomposition(() => lax.cumsum(ax.zeros([2, 0]), 1, reverse), 0);
    }
  });
});

/** A shape of rank 1..3 with dimensions 0..4, and `count` values for it. */
function shaped<T>(value: fc.Arbitrary<T>): fc.Arbitrary<{ shape: number[]; values: T[] }> {
  return fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }).chain((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    return fc.record({
      shape: fc.constant(shape),
      values: fc.array(value, { minLength: size, maxLength: size }),
    });
  });
}

const special = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 2.5);

describe('reductions against their decompositions, on random shapes', () => {
  // Magnitudes stay in [0.5, 2] so no product of up to 64 of them under- or overflows float32,
  // where the kernel's float64 accumulator would not (inf * tiny is inf in float64, NaN in float32).
  it('reduceMin, reduceProd, reduceAnd, reduceOr over random axes (values +-[0.5, 2] or special; min, and, or exact; prod 1e-5 relative)', () => {
    const magnitude = fc.float({ min: 0.5, max: 2, noNaN: true });
    const value = fc.oneof(
      fc.tuple(magnitude, fc.boolean()).map(([v, negative]) => (negative ? -v : v)),
      special,
    );
    fc.assert(
      fc.property(shaped(value), fc.infiniteStream(fc.boolean()), ({ shape, values }, picks) => {
        const it = picks[Symbol.iterator]();
        const axes = shape.map((_, i) => i).filter(() => it.next().value === true);
        const make = (): ax.Array => ax.array(new Float32Array(values), { shape });
        kernelMatchesDecomposition(() => lax.reduceMin(make(), axes), 0);
        kernelMatchesDecomposition(() => lax.reduceProd(make(), axes), 1e-5);
        kernelMatchesDecomposition(() => lax.reduceAnd(ax.lax.ne(make(), ax.zerosLike(make())), axes), 0);
        kernelMatchesDecomposition(() => lax.reduceOr(ax.lax.lt(make(), ax.zerosLike(make())), axes), 0);
      }),
      { numRuns: 40 },
    );
  });

  it('argmax, argmin and cumsum along a random axis (values from a small set with NaN, -0 and ties; exact)', () => {
    fc.assert(
      fc.property(shaped(special), fc.nat(), fc.boolean(), ({ shape, values }, pick, reverse) => {
        const axis = pick % shape.length;
        const make = (): ax.Array => ax.array(new Float32Array(values), { shape });
        if (shape[axis]! > 0) {
          kernelMatchesDecomposition(() => lax.argmax(make(), axis), 0);
          kernelMatchesDecomposition(() => lax.argmin(make(), axis - shape.length), 0);
        }
        kernelMatchesDecomposition(() => lax.cumsum(make(), axis, reverse), 0);
      }),
      { numRuns: 40 },
    );
  });

  it('int32 reductions wrap identically (values in [-2^31, 2^31); exact)', () => {
    const value = fc.integer({ min: INT_MIN, max: INT_MAX });
    fc.assert(
      fc.property(shaped(value), fc.nat(), ({ shape, values }, pick) => {
        const axis = pick % shape.length;
        const make = (): ax.Array => ax.array(new Int32Array(values), { shape });
        kernelMatchesDecomposition(() => lax.reduceMin(make(), [axis]), 0);
        kernelMatchesDecomposition(() => lax.reduceProd(make(), [axis]), 0);
        kernelMatchesDecomposition(() => lax.cumsum(make(), axis), 0);
      }),
      { numRuns: 30 },
    );
  });
});
