import { describe, expect, it } from 'vitest';
import {
  compareOutput,
  EXACT,
  hostArray,
  PRODUCT,
  SUM,
  ulpDistance,
  ulps,
  type HostArray,
} from '@addax/conformance';

const f32 = (...v: number[]): HostArray => hostArray('float32', [v.length], v);
const ONE_ULP = 2 ** -23;

describe('compareOutput', () => {
  it('accepts equal values, NaN meeting NaN', () => {
    expect(compareOutput(f32(1, NaN, -0), f32(1, NaN, -0), EXACT)).toBeUndefined();
  });

  it('rejects NaN against a number and a number against NaN, whatever the tolerance', () => {
    expect(compareOutput(f32(NaN), f32(0), ulps(1000))).toMatch(
      /element 0 .* is 0, expected NaN \(NaN positions differ\)/,
    );
    expect(compareOutput(f32(1), f32(NaN), SUM, { terms: 10, magnitude: f32(1e30) })).toMatch(
      /NaN positions differ/,
    );
  });

  it('tells -0 from 0 except for sums, whose order decides the sign of a zero', () => {
    expect(compareOutput(f32(-0), f32(0), EXACT)).toMatch(/the sign of zero differs/);
    expect(compareOutput(f32(-0), f32(0), ulps(4))).toMatch(/the sign of zero differs/);
    expect(compareOutput(f32(-0), f32(0), SUM, { terms: 2, magnitude: f32(1) })).toBeUndefined();
  });

  it('counts ulps: within the bound passes, one more fails', () => {
    expect(ulpDistance(1, 1 + 2 * ONE_ULP)).toBe(2);
    expect(compareOutput(f32(1), f32(1 + 2 * ONE_ULP), ulps(2))).toBeUndefined();
    expect(compareOutput(f32(1), f32(1 + 3 * ONE_ULP), ulps(2))).toMatch(/3 ulp > 2/);
  });

  it('never excuses an infinity for the largest float32', () => {
    expect(compareOutput(f32(Infinity), f32(3.4028234663852886e38), ulps(4))).toMatch(
      /infinities must match/,
    );
  });

  it('bounds a sum of n terms by (n + 1) * (2^-24 * S + 2^-149)', () => {
    const bound = 5 * (2 ** -24 * 100 + 2 ** -149);
    const sums = { terms: 4, magnitude: f32(100) };
    expect(compareOutput(f32(10 + bound * 0.9), f32(10), SUM, sums)).toBeUndefined();
    expect(compareOutput(f32(10 + bound * 2), f32(10), SUM, sums)).toMatch(/\|error\|/);
  });

  it('bounds a product of n factors by 2n ulps', () => {
    expect(compareOutput(f32(1 + 6 * ONE_ULP), f32(1), PRODUCT, { terms: 3 })).toBeUndefined();
    expect(compareOutput(f32(1 + 7 * ONE_ULP), f32(1), PRODUCT, { terms: 3 })).toMatch(/7 ulp > 6/);
  });

  it('compares integers exactly whatever the tolerance', () => {
    const i32 = (v: number): HostArray => hostArray('int32', [1], [v]);
    expect(compareOutput(i32(7), i32(8), ulps(100))).toMatch(/is 8, expected 7 \(exact\)/);
  });

  it('rejects a float32 array read back as another TypedArray, a wrong length, dtype or shape', () => {
    const wide: HostArray = {
      dtype: 'float32',
      shape: [1],
      data: new Float64Array([0.1]) as unknown as Float32Array,
    };
    expect(compareOutput(f32(0.1), wide, ulps(1))).toBe(
      'read() returned a Float64Array for a float32 array, expected a Float32Array',
    );
    expect(compareOutput(f32(1, 2), { ...f32(1), shape: [2] }, EXACT)).toMatch(
      /returned 1 elements for float32\[2\]/,
    );
    expect(compareOutput(f32(1), hostArray('int32', [1], [1]), EXACT)).toBe(
      'got int32[1], expected float32[1]',
    );
    expect(compareOutput(f32(1, 2), hostArray('float32', [2, 1], [1, 2]), EXACT)).toBe(
      'got float32[2,1], expected float32[2]',
    );
  });

  it('names the index of the first mismatch and prints both arrays', () => {
    const got = hostArray('float32', [2, 2], [1, 2, 3, 5]);
    const expected = hostArray('float32', [2, 2], [1, 2, 3, 4]);
    expect(compareOutput(expected, got, EXACT)).toBe(
      'element 3 (index [1, 1]) is 5, expected 4 (exact)\n    got      [1, 2, 3, 5]\n    expected [1, 2, 3, 4]',
    );
  });
});
