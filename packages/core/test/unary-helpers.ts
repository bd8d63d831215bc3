import { expect } from 'vitest';
import type * as ax from '@addax/core';
import { values } from './helpers.js';

/**
 * Expects `x` to hold `expected` within `rel` relative error; NaN, infinities and zeros (with their
 * sign) must match exactly.
 */
export function expectClose(x: ax.Array, expected: readonly number[], rel: number): void {
  const got = values(x);
  expect(got.length).toBe(expected.length);
  got.forEach((g, i) => {
    const e = expected[i]!;
    if (Number.isNaN(e) || !Number.isFinite(e) || e === 0) expect(g, `element ${i}`).toBe(e);
    else
      expect(Math.abs(g - e), `element ${i}: got ${g}, expected ${e}`).toBeLessThanOrEqual(rel * Math.abs(e));
  });
}

/** Relative size of a float32 ulp at 1. */
export const ULP = 2 ** -23;
