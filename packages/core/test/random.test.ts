import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

// Expected values below come from JAX itself (classic threefry layout, 64-bit types off):
// - RV: jax tests/random_test.py `_RANDOM_VALUES_CASES` (testRandomDistributionValues), keyed by
//   `PRNGKey(zlib.adler32((name + 'threefry2x32').encode()))`; the adler32 seeds are written out.
// - PV: jax tests/random_test.py `testPRNGValues` (PRNGKey(0)) and `testRngRandomBits` (PRNGKey(1701)).
// - SK: jax tests/random_test.py `test_prng_seeds_and_keys` (x64 off, not jitted).
// - CG: the JAX docs notebook "Common Gotchas in JAX", section Random Numbers (printed outputs).

const vals = (x: ax.Array): number[] => globalThis.Array.from(x.dataSync());
const u32 = (v: readonly number[]): ax.Array => ax.fromTyped(Uint32Array.from(v), [v.length], 'uint32');

/** Elementwise |a - e| <= tol * max(1, |e|). */
function expectClose(actual: ax.Array, expected: readonly number[], tol: number): void {
  const a = vals(actual);
  expect(a.length).toBe(expected.length);
  a.forEach((v, i) =>
    expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i]!))),
  );
}

function meanVar(x: ax.Array): [number, number] {
  const v = vals(x);
  const mean = v.reduce((s, t) => s + t, 0) / v.length;
  return [mean, v.reduce((s, t) => s + (t - mean) ** 2, 0) / v.length];
}

describe('random.key', () => {
  it('makes [0, seed mod 2^32] as JAX does with x64 off (SK)', () => {
    expect(vals(ax.random.key(0))).toEqual([0, 0]);
    expect(vals(ax.random.key(1))).toEqual([0, 1]);
    expect(vals(ax.random.key(-1))).toEqual([0, 4294967295]);
    expect(vals(ax.random.key(-3))).toEqual([0, 4294967293]);
    expect(vals(ax.random.key(2 ** 31 - 1 + 100))).toEqual([0, 2147483747]);
    expect(vals(ax.random.key(-(2 ** 31) - 100))).toEqual([0, 2147483548]);
    const k = ax.random.key(7);
    expect(k.shape).toEqual([2]);
    expect(k.dtype).toBe('uint32');
  });

  it('takes scalar int32 and uint32 arrays as seeds (SK)', () => {
    expect(vals(ax.random.key(ax.scalar(-2, 'int32')))).toEqual([0, 4294967294]);
    expect(vals(ax.random.key(ax.scalar(2147483748, 'uint32')))).toEqual([0, 2147483748]);
  });

  it('rejects seeds that are not integers, not scalars or not integer-typed', () => {
    expect(() => ax.random.key(1.5)).toThrow(
      /key: the seed must be an integer \(a safe JS integer\), got 1\.5/,
    );
    expect(() => ax.random.key(2 ** 60)).toThrow(/key: the seed must be an integer/);
    expect(() => ax.random.key(ax.array([1, 2], 'int32'))).toThrow(
      /key: the seed must be a scalar, got int32\[2\]/,
    );
    expect(() => ax.random.key(ax.scalar(1))).toThrow(
      /key: the seed must have an integer dtype \(int32 or uint32\), got float32\[\]/,
    );
  });
});

describe('random.split and random.foldIn', () => {
  it('splits key(0) as JAX does (CG; PV for num = 4)', () => {
    expect(ax.random.split(ax.random.key(0)).arraySync()).toEqual([
      [4146024105, 967050713],
      [2718843009, 1272950319],
    ]);
    expect(ax.random.split(u32([4146024105, 967050713])).arraySync()).toEqual([
      [2384771982, 3928867769],
      [1278412471, 2182328957],
    ]);
    expect(ax.random.split(ax.random.key(0), 4).arraySync()).toEqual([
      [2285895361, 1501764800],
      [1518642379, 4090693311],
      [433833334, 4221794875],
      [839183663, 3740430601],
    ]);
  });

  it('makes [num, 2] keys, down to none', () => {
    expect(ax.random.split(ax.random.key(3), 1).shape).toEqual([1, 2]);
    expect(ax.random.split(ax.random.key(3), 0).shape).toEqual([0, 2]);
  });

  it('splits each key of a batch [..., 2] into [..., num, 2]', () => {
    const keys = ax.random.split(ax.random.key(0), 4);
    const batched = ax.random.split(keys, 3);
    expect(batched.shape).toEqual([4, 3, 2]);
    const rows = keys.arraySync() as number[][];
    rows.forEach((row, i) => {
      expect((batched.arraySync() as number[][][])[i]).toEqual(ax.random.split(u32(row), 3).arraySync());
    });
  });

  it('folds data into a key as JAX does (PV)', () => {
    expect(vals(ax.random.foldIn(ax.random.key(0), 4))).toEqual([2285895361, 433833334]);
    expect(vals(ax.random.foldIn(ax.random.key(0), ax.scalar(4, 'int32')))).toEqual([2285895361, 433833334]);
    // A negative int32 folds in as its uint32 bits.
    expect(vals(ax.random.foldIn(ax.random.key(5), -1))).toEqual(
      vals(ax.random.foldIn(ax.random.key(5), 4294967295)),
    );
    expect(ax.random.foldIn(ax.random.split(ax.random.key(0), 3), 4).shape).toEqual([3, 2]);
  });

  it('names the bad key, num or data', () => {
    expect(() => ax.random.split(u32([1, 2, 3]))).toThrow(
      /split: a key is a uint32 array of shape \[2\].*\(or a batch of keys of shape \[\.\.\., 2\]\); got key uint32\[3\]/,
    );
    expect(() => ax.random.split(ax.array([0, 0]))).toThrow(
      /split: a key is a uint32 array.*got float32\[2\]/,
    );
    expect(() => ax.random.split(ax.random.key(0), -1)).toThrow(
      /split: num must be a non-negative integer below 2\^31, got -1/,
    );
    expect(() => ax.random.split(ax.random.key(0), 1.5)).toThrow(/split: num must be a non-negative integer/);
    expect(() => ax.random.foldIn(ax.random.key(0), 2 ** 32)).toThrow(
      /foldIn: data must be a 32-bit integer in \[-2\^31, 2\^32\), got 4294967296/,
    );
    expect(() => ax.random.foldIn(ax.random.key(0), ax.array([1, 2], 'int32'))).toThrow(
      /foldIn: data must be a scalar, got int32\[2\]/,
    );
    expect(() => ax.random.foldIn(ax.random.key(0), ax.scalar(1))).toThrow(
      /foldIn: data must have an integer dtype/,
    );
  });
});

describe('random.bits', () => {
  it('gives JAX\'s bits (PV: key 1701; RV: adler32("bitsthreefry2x32") = 942802475)', () => {
    expect(vals(ax.random.bits(ax.random.key(1701), [3]))).toEqual([56197195, 4200222568, 961309823]);
    expect(vals(ax.random.bits(ax.random.key(942802475), [5]))).toEqual([
      1978747883, 4134381225, 3628107870, 689687174, 2788938207,
    ]);
    // JAX's bits for PRNGKey(0) and 4 counts are split(key(0))'s words in order (CG).
    expect(vals(ax.random.bits(ax.random.key(0), [2, 2]))).toEqual([
      4146024105, 967050713, 2718843009, 1272950319,
    ]);
  });

  it('has the sample shape: scalar, zero-size, and a batch of keys in front', () => {
    const s = ax.random.bits(ax.random.key(0));
    expect(s.shape).toEqual([]);
    expect(s.dtype).toBe('uint32');
    expect(ax.random.bits(ax.random.key(0), [0, 4]).shape).toEqual([0, 4]);
    const keys = ax.random.split(ax.random.key(0), 2);
    const b = ax.random.bits(keys, [3]);
    expect(b.shape).toEqual([2, 3]);
    expect((b.arraySync() as number[][])[1]).toEqual(
      vals(ax.random.bits(u32([2718843009, 1272950319]), [3])),
    );
  });

  it('is deterministic per key and differs between keys', () => {
    const a = vals(ax.random.bits(ax.random.key(11), [64]));
    expect(vals(ax.random.bits(ax.random.key(11), [64]))).toEqual(a);
    const b = vals(ax.random.bits(ax.random.key(12), [64]));
    expect(a.filter((v, i) => v === b[i]).length).toBeLessThan(2);
  });

  it('rejects dtypes other than uint32 and bad shapes', () => {
    expect(() => ax.random.bits(ax.random.key(0), [3], 'int32')).toThrow(
      /bits: dtype must be an unsigned integer dtype \(uint32\), got int32/,
    );
    expect(() => ax.random.bits(ax.random.key(0), [-1])).toThrow(/bits: invalid shape \[-1\]/);
  });
});

describe('random.uniform', () => {
  it('matches JAX (RV: adler32("uniformthreefry2x32") = 1338574713; tolerance 1e-6, JAX prints 6 decimals)', () => {
    expectClose(
      ax.random.uniform(ax.random.key(1338574713), [5]),
      [0.298671, 0.073213, 0.873356, 0.260549, 0.412797],
      1e-6,
    );
  });

  it('scales to [minval, maxval) with bounds broadcast to the shape', () => {
    const k = ax.random.key(3);
    const base = ax.random.uniform(k, [2, 3]);
    const shifted = ax.random.uniform(k, [2, 3], {
      minval: ax.array([0, 10, 20]),
      maxval: ax.array([1, 11, 21]),
    });
    // floats * 1 + minval in float32 is exactly base + minval.
    const expected = ax.lax.add(
      base,
      ax.array([
        [0, 10, 20],
        [0, 10, 20],
      ]),
    );
    expect(vals(shifted)).toEqual(vals(expected));
    const wide = vals(ax.random.uniform(k, [1000], { minval: -3, maxval: 5 }));
    expect(Math.min(...wide)).toBeGreaterThanOrEqual(-3);
    expect(Math.max(...wide)).toBeLessThan(5);
  });

  it('makes scalars and zero-size samples', () => {
    const s = ax.random.uniform(ax.random.key(0));
    expect(s.shape).toEqual([]);
    expect(s.item()).toBeGreaterThanOrEqual(0);
    expect(s.item()).toBeLessThan(1);
    expect(ax.random.uniform(ax.random.key(0), [3, 0]).shape).toEqual([3, 0]);
  });

  // 10^5 samples of U[0, 1): the mean's standard error is 9.1e-4 and the variance's 2.4e-4, so
  // bounds of 0.005 and 0.002 are over 5 standard errors.
  it('has mean 1/2 within 0.005 and variance 1/12 within 0.002 over 10^5 samples', () => {
    const [mean, variance] = meanVar(ax.random.uniform(ax.random.key(2024), [100000]));
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('names the bad key, dtype or bound', () => {
    expect(() => ax.random.uniform(u32([1, 2, 3]))).toThrow(
      /uniform: a key is a uint32 array of shape \[2\].*got key uint32\[3\]/,
    );
    expect(() => ax.random.uniform(ax.random.split(ax.random.key(0)))).toThrow(
      /uniform: .*got key uint32\[2, 2\]; this is a batch of keys, pass one of them/,
    );
    expect(() => ax.random.uniform(ax.random.key(0), [3], { dtype: 'int32' })).toThrow(
      /uniform: dtype must be a floating dtype \(float32\), got int32/,
    );
    expect(() => ax.random.uniform(ax.random.key(0), [3], { minval: ax.zeros([4]) })).toThrow(
      /uniform: minval of shape \[4\] does not broadcast to the sample shape \[3\]/,
    );
  });
});

describe('random.normal and random.truncatedNormal', () => {
  // The uniform bits are exact; JAX prints 6 decimals (half a unit is 5e-7) and erfInv's float32
  // rounding may differ from XLA's in the last bits, so the tolerance is 1e-6 (relative, floor 1).
  const TOL = 1e-6;

  it('matches JAX (CG for key(0) and its splits; RV: adler32("normalthreefry2x32") = 1193674498; tolerance 1e-6)', () => {
    expectClose(ax.random.normal(ax.random.key(0), [1]), [-0.20584226], TOL);
    expectClose(ax.random.normal(u32([2718843009, 1272950319]), [1]), [-1.2515389], TOL);
    expectClose(ax.random.normal(u32([1278412471, 2182328957]), [1]), [-0.58665055], TOL);
    // `key, *subkeys = random.split(key, 4)` from the key [2384771982, 3928867769], one normal each.
    const subkeys = (ax.random.split(u32([2384771982, 3928867769]), 4).arraySync() as number[][]).slice(1);
    const draws = subkeys.map((k) => vals(ax.random.normal(u32(k), [1]))[0]!);
    expectClose(ax.array(draws), [-0.37533438, 0.98645043, 0.14553197], TOL);
    expectClose(
      ax.random.normal(ax.random.key(1193674498), [5]),
      [-1.173234, -1.511662, 0.070593, -0.099764, 1.052845],
      TOL,
    );
  });

  // 10^5 samples of N(0, 1): standard errors 3.2e-3 (mean) and 4.5e-3 (variance); bounds 0.02.
  it('has mean 0 and variance 1 within 0.02 over 10^5 samples', () => {
    const [mean, variance] = meanVar(ax.random.normal(ax.random.key(99), [100000]));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it('truncates as JAX does (RV: adler32("truncated_normalthreefry2x32") = 2846034731; tolerance 1e-6)', () => {
    expectClose(
      ax.random.truncatedNormal(ax.random.key(2846034731), 0, 2, [5]),
      [0.582807, 1.709771, 0.159513, 0.861376, 0.36148],
      TOL,
    );
  });

  it('stays strictly inside (lower, upper), with bounds broadcast to the shape', () => {
    const x = vals(ax.random.truncatedNormal(ax.random.key(1), -0.3, 0.3, [10000]));
    expect(Math.min(...x)).toBeGreaterThan(-0.3);
    expect(Math.max(...x)).toBeLessThan(0.3);
    const cols = ax.random
      .truncatedNormal(ax.random.key(2), ax.array([-1, 5]), ax.array([0, 6]), [100, 2])
      .arraySync() as number[][];
    for (const [a, b] of cols) {
      expect(a! > -1 && a! < 0).toBe(true);
      expect(b! > 5 && b! < 6).toBe(true);
    }
    // Between 1 and 1 + 2 ulp only 1 + 2^-23 lies strictly inside: every sample is clamped to it.
    expect(vals(ax.random.truncatedNormal(ax.random.key(3), 1, 1 + 2 ** -22, [8]))).toEqual(
      new globalThis.Array<number>(8).fill(1 + 2 ** -23),
    );
  });

  it('takes its shape from the bounds by default', () => {
    expect(ax.random.truncatedNormal(ax.random.key(0), ax.zeros([3]), 1).shape).toEqual([3]);
    expect(ax.random.truncatedNormal(ax.random.key(0), -1, 1).shape).toEqual([]);
  });

  it('names the bad dtype or bound', () => {
    expect(() => ax.random.normal(ax.random.key(0), [2], { dtype: 'uint32' })).toThrow(
      /normal: dtype must be a floating dtype/,
    );
    expect(() => ax.random.truncatedNormal(ax.random.key(0), ax.zeros([4]), 1, [3])).toThrow(
      /truncatedNormal: lower of shape \[4\] does not broadcast to the sample shape \[3\]/,
    );
    expect(() => ax.random.truncatedNormal(ax.random.key(0), ax.zeros([2]), ax.zeros([3]))).toThrow(
      /truncatedNormal: shapes \[2\] and \[3\] cannot be broadcast/,
    );
  });
});

describe('random.bernoulli', () => {
  it('matches JAX (RV: adler32("bernoullithreefry2x32") = 1612777541)', () => {
    expect(ax.random.bernoulli(ax.random.key(1612777541), 0.5, [5]).arraySync()).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('is never true for p = 0 and always for p = 1, with p broadcast to the shape', () => {
    const x = ax.random.bernoulli(ax.random.key(4), ax.array([0, 1]), [3, 2]);
    expect(x.dtype).toBe('bool');
    expect(x.arraySync()).toEqual([
      [false, true],
      [false, true],
      [false, true],
    ]);
    expect(ax.random.bernoulli(ax.random.key(4), ax.array([0.5, 0.5, 0.5])).shape).toEqual([3]);
    expect(ax.random.bernoulli(ax.random.key(4)).shape).toEqual([]);
  });

  // 10^5 draws with p = 0.3: standard error 1.45e-3; bound 0.006.
  it('is true with frequency p within 0.006 over 10^5 draws', () => {
    const hits = vals(ax.random.bernoulli(ax.random.key(8), 0.3, [100000])).reduce((s, v) => s + v, 0);
    expect(Math.abs(hits / 100000 - 0.3)).toBeLessThan(0.006);
  });

  it('names a non-float p or a p that does not broadcast', () => {
    expect(() => ax.random.bernoulli(ax.random.key(0), ax.array([1], 'int32'))).toThrow(
      /bernoulli: the probability p must have a floating dtype \(float32\), got int32\[1\]/,
    );
    expect(() => ax.random.bernoulli(ax.random.key(0), ax.zeros([2]), [3])).toThrow(
      /bernoulli: p of shape \[2\] does not broadcast to the sample shape \[3\]/,
    );
  });
});

describe('random.randint', () => {
  it('matches JAX (PV: key(0) in [0, 8); RV: adler32("randintthreefry2x32") = 1319372649 in [0, 10))', () => {
    const x = ax.random.randint(ax.random.key(0), [3, 3], 0, 8);
    expect(x.dtype).toBe('int32');
    expect(x.arraySync()).toEqual([
      [2, 1, 3],
      [6, 1, 5],
      [6, 3, 4],
    ]);
    expect(vals(ax.random.randint(ax.random.key(1319372649), [5], 0, 10))).toEqual([0, 5, 7, 7, 5]);
  });

  it('stays in [minval, maxval) and reaches both ends', () => {
    const x = vals(ax.random.randint(ax.random.key(5), [10000], 5, 10));
    expect(Math.min(...x)).toBe(5);
    expect(Math.max(...x)).toBe(9);
    const neg = vals(ax.random.randint(ax.random.key(5), [1000], -5, 5));
    expect(Math.min(...neg)).toBe(-5);
    expect(Math.max(...neg)).toBe(4);
  });

  it('returns minval when the range is empty (JAX issue #222)', () => {
    expect(vals(ax.random.randint(ax.random.key(6), [4], 3, 3))).toEqual([3, 3, 3, 3]);
    expect(vals(ax.random.randint(ax.random.key(6), [4], 3, -7))).toEqual([3, 3, 3, 3]);
  });

  it('broadcasts array bounds to the shape', () => {
    const x = ax.random
      .randint(ax.random.key(7), [50, 2], ax.array([0, 100], 'int32'), ax.array([2, 103], 'int32'))
      .arraySync() as number[][];
    for (const [a, b] of x) {
      expect([0, 1]).toContain(a);
      expect([100, 101, 102]).toContain(b);
    }
  });

  it('draws uint32 over the full range when maxval is 2^32: the span wraps to 0 and the second draw passes through', () => {
    // With span 0 every remainder leaves its dividend and the multiplier is 0, so the result is
    // the bits of the second key of split(key) (JAX's comment on maxval_out_of_range).
    const key = ax.random.key(9);
    const second = u32((ax.random.split(key).arraySync() as number[][])[1]!);
    const x = ax.random.randint(key, [16], 0, 2 ** 32, 'uint32');
    expect(x.dtype).toBe('uint32');
    expect(vals(x)).toEqual(vals(ax.random.bits(second, [16])));
  });

  it('clips bounds into the dtype: a negative minval is 0 for uint32', () => {
    const x = vals(ax.random.randint(ax.random.key(10), [200], -5, 3, 'uint32'));
    expect(Math.min(...x)).toBe(0);
    expect(Math.max(...x)).toBe(2);
  });

  it('names a bad dtype or bound', () => {
    expect(() => ax.random.randint(ax.random.key(0), [2], 0, 4, 'float32')).toThrow(
      /randint: dtype must be an integer dtype \(int32 or uint32\), got float32/,
    );
    expect(() => ax.random.randint(ax.random.key(0), [2], NaN, 4)).toThrow(
      /randint: minval must be a finite number or an array, got NaN/,
    );
    expect(() => ax.random.randint(ax.random.key(0), [2], ax.zeros([3], 'int32'), 4)).toThrow(
      /randint: minval of shape \[3\] does not broadcast to the sample shape \[2\]/,
    );
  });
});

describe('random.gumbel and random.categorical', () => {
  // RV: adler32("gumbelthreefry2x32") = 1179715317; tolerance 1e-6 (6 printed decimals, log's rounding).
  const GUMBEL_KEY = 1179715317;
  const GUMBEL = [2.06701, 0.911726, 0.145736, 0.185427, -0.00711];

  it('draws Gumbel noise as JAX does (RV; tolerance 1e-6)', () => {
    expectClose(ax.random.gumbel(ax.random.key(GUMBEL_KEY), [5]), GUMBEL, 1e-6);
  });

  it('picks the argmax of logits plus that noise (hand-checked from the RV Gumbel values)', () => {
    const key = ax.random.key(GUMBEL_KEY);
    // One draw over 5 categories uses the same noise as gumbel(key, [5]).
    expect(ax.random.categorical(key, ax.zeros([5])).item()).toBe(0);
    expect(ax.random.categorical(key, ax.array([0, 1.2, 0, 0, 0])).item()).toBe(1);
    expect(ax.random.categorical(key, ax.array([0, 0, 2, 0, 0])).item()).toBe(2);
  });

  it('has the batch shape of logits without axis, or the given shape', () => {
    const logits = ax.array([
      [0, 1, 2],
      [2, 1, 0],
    ]);
    const x = ax.random.categorical(ax.random.key(0), logits);
    expect(x.shape).toEqual([2]);
    expect(x.dtype).toBe('int32');
    expect(ax.random.categorical(ax.random.key(0), logits, { axis: 0 }).shape).toEqual([3]);
    expect(ax.random.categorical(ax.random.key(0), logits, { shape: [10, 2] }).shape).toEqual([10, 2]);
  });

  it('never draws a category of logit -Infinity', () => {
    const x = vals(ax.random.categorical(ax.random.key(1), ax.array([0, -Infinity, 0]), { shape: [1000] }));
    expect(x.every((v) => v === 0 || v === 2)).toBe(true);
  });

  // 10^4 draws: each frequency's standard error is at most 4.9e-3; bound 0.02.
  it('draws with probabilities softmax(logits) within 0.02 over 10^4 draws', () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    const x = vals(ax.random.categorical(ax.random.key(12), ax.array(p.map(Math.log)), { shape: [10000] }));
    p.forEach((pi, i) => expect(Math.abs(x.filter((v) => v === i).length / 10000 - pi)).toBeLessThan(0.02));
  });

  it('names bad logits, axis or shape', () => {
    expect(() => ax.random.categorical(ax.random.key(0), ax.array([1, 2], 'int32'))).toThrow(
      /categorical: logits must have a floating dtype \(float32\), got int32\[2\]/,
    );
    expect(() => ax.random.categorical(ax.random.key(0), ax.zeros([2, 3]), { axis: 2 })).toThrow(
      /categorical: axis 2 is out of range for an array of rank 2/,
    );
    expect(() => ax.random.categorical(ax.random.key(0), ax.zeros([2, 3]), { shape: [3] })).toThrow(
      /categorical: logits \(without axis\) of shape \[2\] does not broadcast to the sample shape \[3\]/,
    );
  });
});

describe('random.permutation', () => {
  it('permutes arange(n) by sorting on the bits of split(key)[1], as JAX does for n <= 1625 (one round)', () => {
    const key = ax.random.key(0);
    const sub = u32((ax.random.split(key).arraySync() as number[][])[1]!);
    const sortKeys = vals(ax.random.bits(sub, [10]));
    const expected = [...sortKeys.keys()].sort((a, b) => sortKeys[a]! - sortKeys[b]!);
    const p = ax.random.permutation(key, 10);
    expect(p.dtype).toBe('int32');
    expect(vals(p)).toEqual(expected);
  });

  // Property over sizes 0..300 and seeds: the result is a permutation of 0..n-1.
  it('returns a permutation of 0..n-1 for any n in [0, 300]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
        const p = vals(ax.random.permutation(ax.random.key(seed), n));
        expect([...p].sort((a, b) => a - b)).toEqual([...globalThis.Array(n).keys()]);
      }),
      { numRuns: 30 },
    );
  });

  it('shuffles a 1-D array, and the slices of an n-D array along axis', () => {
    const x = ax.array([10, 20, 30, 40, 50]);
    const p = vals(ax.random.permutation(ax.random.key(1), x));
    expect([...p].sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50]);
    const m = ax.array([
      [0, 1, 2, 3],
      [10, 11, 12, 13],
    ]);
    const cols = ax.random.permutation(ax.random.key(2), m, { axis: -1 }).arraySync() as number[][];
    expect([...cols[0]!].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
    // The same column order in every row.
    expect(cols[1]).toEqual(cols[0]!.map((v) => v + 10));
    const rows = ax.random.permutation(ax.random.key(2), m).arraySync() as number[][];
    expect([...rows].sort((a, b) => a[0]! - b[0]!)).toEqual(m.arraySync());
  });

  it('accepts a scalar integer array as n and handles n = 0 and 1', () => {
    expect([...vals(ax.random.permutation(ax.random.key(0), ax.scalar(4, 'int32')))].sort()).toEqual([
      0, 1, 2, 3,
    ]);
    expect(ax.random.permutation(ax.random.key(0), 0).shape).toEqual([0]);
    expect(vals(ax.random.permutation(ax.random.key(0), 1))).toEqual([0]);
  });

  it('names a bad x or axis', () => {
    expect(() => ax.random.permutation(ax.random.key(0), -1)).toThrow(
      /permutation: x must be a non-negative integer or an array, got -1/,
    );
    expect(() => ax.random.permutation(ax.random.key(0), ax.scalar(3.5))).toThrow(
      /permutation: x must be an integer or at least 1-dimensional, got float32\[\]/,
    );
    expect(() => ax.random.permutation(ax.random.key(0), ax.zeros([2, 2]), { axis: 2 })).toThrow(
      /permutation: axis 2 is out of range for an array of rank 2/,
    );
  });
});

describe('random functions and memory', () => {
  it('free every intermediate: only the result stays live', () => {
    const key = ax.random.key(0);
    const before = ax.memory().cpu?.buffers ?? 0;
    const x = ax.random.normal(key, [8]);
    expect(ax.memory().cpu?.buffers).toBe(before + 1);
    x.dispose();
  });
});
