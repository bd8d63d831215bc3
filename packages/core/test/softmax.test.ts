import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { values } from './helpers.js';

const LN2 = Math.log(2);

describe('softmax', () => {
  it('normalises exp along the last axis by default', () => {
    const s = values(
      ax.softmax(
        ax.array([
          [0, 0],
          [0, Math.log(3)],
        ]),
      ),
    );
    [0.5, 0.5, 0.25, 0.75].forEach((want, i) => expect(s[i]).toBeCloseTo(want, 6));
  });

  it('takes another axis, and computes integers in float32', () => {
    const s = ax.softmax(
      ax.array(
        [
          [0, 1],
          [0, 1],
        ],
        'int32',
      ),
      0,
    );
    expect(s.dtype).toBe('float32');
    expect(s.arraySync()).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
  });

  it('is stable for large inputs and gives 0 for -Infinity entries', () => {
    expect(ax.softmax(ax.array([1000, 1000])).arraySync()).toEqual([0.5, 0.5]);
    expect(ax.softmax(ax.array([0, -Infinity])).arraySync()).toEqual([1, 0]);
  });

  it('gives NaN for a row of all -Infinity, as JAX does', () => {
    expect(values(ax.softmax(ax.array([-Infinity, -Infinity]))).every(Number.isNaN)).toBe(true);
  });

  it('rows sum to 1 within 1e-5 (fast-check; rows of 1..8 values in [-30, 30])', () => {
    const rows = fc.array(fc.float({ min: -30, max: 30, noNaN: true }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(rows, { minLength: 1, maxLength: 4 }), fc.nat(), (rs, pick) => {
        const width = rs[0]!.length;
        const matrix = rs.map((r) => globalThis.Array.from({ length: width }, (_, i) => r[i % r.length]!));
        const s = ax.softmax(ax.array(matrix), pick % 2 === 0 ? -1 : [1]);
        for (const row of s.arraySync() as number[][]) {
          expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-5);
          expect(row.every((p) => p >= 0 && p <= 1)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a bad axis', () => {
    expect(() => ax.softmax(ax.zeros([2, 2]), 2)).toThrow(
      /softmax: axis 2 is out of range for operand float32\[2, 2\]/,
    );
  });
});

describe('logSoftmax', () => {
  it('is x - logsumexp(x), stable for large inputs', () => {
    const l = values(ax.logSoftmax(ax.array([0, 0])));
    expect(l[0]).toBeCloseTo(-LN2, 6);
    expect(l[1]).toBeCloseTo(-LN2, 6);
    expect(ax.logSoftmax(ax.array([1000, 0])).arraySync()).toEqual([0, -1000]);
  });

  it('keeps -Infinity entries and gives NaN for a row of all -Infinity', () => {
    expect(ax.logSoftmax(ax.array([0, -Infinity])).arraySync()).toEqual([0, -Infinity]);
    expect(values(ax.logSoftmax(ax.array([-Infinity, -Infinity]))).every(Number.isNaN)).toBe(true);
  });
});

describe('logsumexp', () => {
  it('reduces all axes by default, or the given ones, with keepdims', () => {
    expect(ax.logsumexp(ax.array([0, 0])).item()).toBeCloseTo(LN2, 6);
    // log(e + e^2 + ... + e^6) = log(636.6329...) = 6.4561934...
    expect(
      ax
        .logsumexp(
          ax.array([
            [1, 2, 3],
            [4, 5, 6],
          ]),
        )
        .item(),
    ).toBeCloseTo(6.4561934, 5);
    const rows = ax.logsumexp(
      ax.array([
        [0, 0],
        [1, 1],
      ]),
      -1,
      { keepdims: true },
    );
    expect(rows.shape).toEqual([2, 1]);
    const r = values(rows);
    expect(r[0]).toBeCloseTo(LN2, 6);
    expect(r[1]).toBeCloseTo(1 + LN2, 6);
  });

  it('is stable for large inputs', () => {
    expect(ax.logsumexp(ax.array([1000, 1000])).item()).toBeCloseTo(1000 + LN2, 3);
    expect(ax.logsumexp(ax.array([-1000, -1000])).item()).toBeCloseTo(-1000 + LN2, 3);
  });

  it('gives the limits JAX gives for infinite, NaN and empty rows', () => {
    expect(ax.logsumexp(ax.array([-Infinity, -Infinity])).item()).toBe(-Infinity);
    expect(ax.logsumexp(ax.array([-Infinity, 0])).item()).toBe(0);
    expect(ax.logsumexp(ax.array([Infinity, 1])).item()).toBe(Infinity);
    expect(ax.logsumexp(ax.array([NaN, 1])).item()).toBeNaN();
    expect(ax.logsumexp(ax.zeros([0])).item()).toBe(-Infinity);
  });

  it('rejects a bad axis', () => {
    expect(() => ax.logsumexp(ax.zeros([2]), [0, 0])).toThrow(
      /logsumexp: axis 0 in axis \[0, 0\] repeats an axis/,
    );
  });
});
