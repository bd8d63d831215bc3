import * as ax from '@addax/core';
import { typed } from './helpers.js';

/**
 * `f` applied on `backend` to a 1-D array of `dtype` holding `values`, read back as plain numbers
 * (bool as 0/1, -0 and NaN kept); every array made is freed.
 */
export function runOn(
  backend: string,
  f: (x: ax.Array) => ax.Array,
  dtype: ax.DType,
  values: readonly number[],
): number[] {
  const previous = ax.getBackend().name;
  ax.setBackend(backend);
  try {
    return ax.tidy(() =>
      globalThis.Array.from(f(ax.fromTyped(typed(dtype, values), [values.length], dtype)).dataSync()),
    );
  } finally {
    ax.setBackend(previous);
  }
}

const word = new Float32Array(1);
const bits = new Int32Array(word.buffer);

/** A float32's bit pattern as an integer that orders like the value (-0 and +0 both map to 0). */
function ordinal(v: number): number {
  word[0] = v;
  const b = bits[0]!;
  return b < 0 ? -(b & 0x7fffffff) : b;
}

/**
 * How many float32 values lie between `a` and `b`: 0 for equal values (and for two NaNs),
 * Infinity when only one is NaN.
 */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  return Math.abs(ordinal(a) - ordinal(b));
}

/** A tolerance: within `ulps` float32 steps, or (where given) within `abs` absolute. */
export interface Tolerance {
  ulps: number;
  abs?: number;
}

/**
 * The first position where `actual` and `expected` differ by more than `tolerance`, or -1. NaN must
 * meet NaN, and zeros must agree in sign (a tolerance never excuses `-0` for `0`).
 */
export function firstMismatch(
  actual: readonly number[],
  expected: readonly number[],
  tolerance: Tolerance,
): number {
  if (actual.length !== expected.length) return 0;
  return actual.findIndex((a, i) => {
    const e = expected[i]!;
    if (a === 0 && e === 0) return !Object.is(a, e);
    if (ulpDistance(a, e) <= tolerance.ulps) return false;
    return !(tolerance.abs !== undefined && Math.abs(a - e) <= tolerance.abs);
  });
}
