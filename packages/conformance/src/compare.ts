import type * as ax from '@addax/core';
import { formatAval, formatElements, formatIndex, formatNumber } from './format.js';
import { sizeOfHost, type HostArray } from './host.js';
import type { Tolerance } from './tolerance.js';

const TYPED_ARRAY: Record<ax.DType, string> = {
  float32: 'Float32Array',
  int32: 'Int32Array',
  uint32: 'Uint32Array',
  bool: 'Uint8Array',
};

const word = new Float32Array(1);
const bits = new Int32Array(word.buffer);

/** A float32's bit pattern as an integer that orders like the value (-0 and +0 both map to 0). */
function ordinal(v: number): number {
  word[0] = v;
  const b = bits[0]!;
  return b < 0 ? -(b & 0x7fffffff) : b;
}

/**
 * How many float32 steps lie between `a` and `b` (0 for equal values).
 *
 * @example
 * ```ts
 * ulpDistance(1, 1 + 2 ** -23); // 1
 * ```
 */
export function ulpDistance(a: number, b: number): number {
  return Math.abs(ordinal(a) - ordinal(b));
}

/** What one element comparison needs besides the two values. */
interface ElementContext {
  readonly tolerance: Tolerance;
  /** Terms per element, for `sum` and `product`. */
  readonly terms: number;
  /** The sum of the terms' absolute values, for `sum`. */
  readonly magnitude: number;
}

/** Why `got` is not close enough to `expected` (one float32 element), or undefined if it is. */
function floatMismatch(got: number, expected: number, c: ElementContext): string | undefined {
  if (Number.isNaN(got) || Number.isNaN(expected)) {
    return Number.isNaN(got) && Number.isNaN(expected) ? undefined : 'NaN positions differ';
  }
  if (!Number.isFinite(got) || !Number.isFinite(expected)) {
    return got === expected ? undefined : 'infinities must match exactly';
  }
  const t = c.tolerance;
  if (got === 0 && expected === 0) {
    return t.kind === 'sum' || Object.is(got, expected) ? undefined : 'the sign of zero differs';
  }
  switch (t.kind) {
    case 'exact':
      return got === expected ? undefined : 'exact';
    case 'ulps':
      return ulpDistance(got, expected) <= t.ulps
        ? undefined
        : `${ulpDistance(got, expected)} ulp > ${t.ulps}`;
    case 'product': {
      const bound = 2 * c.terms;
      return ulpDistance(got, expected) <= bound ? undefined : `${ulpDistance(got, expected)} ulp > ${bound}`;
    }
    case 'sum': {
      const bound = (c.terms + 1) * (2 ** -24 * c.magnitude + 2 ** -149);
      const error = Math.abs(got - expected);
      return error <= bound || !Number.isFinite(bound) ? undefined : `|error| ${error} > ${bound}`;
    }
  }
}

/**
 * Why a backend's output differs from the reference's, or undefined if it does not: dtype and
 * shape, the TypedArray type the backend's `read` returned (a float32 array must come back as a
 * Float32Array, which is what rounds every element to float32), the element count, then every
 * element (NaN meets NaN; integer and bool elements exactly; float32 ones within `tolerance`).
 *
 * @example
 * ```ts
 * compareOutput(expected, got, EXACT); // undefined when they agree
 * ```
 */
export function compareOutput(
  expected: HostArray,
  got: HostArray,
  tolerance: Tolerance,
  sums: { readonly terms: number; readonly magnitude?: HostArray } = { terms: 0 },
): string | undefined {
  if (got.dtype !== expected.dtype || got.shape.join() !== expected.shape.join()) {
    return `got ${formatAval(got)}, expected ${formatAval(expected)}`;
  }
  const kind = TYPED_ARRAY[expected.dtype];
  if (got.data.constructor.name !== kind) {
    return `read() returned a ${got.data.constructor.name} for a ${expected.dtype} array, expected a ${kind}`;
  }
  const size = sizeOfHost(expected);
  if (got.data.length !== size) {
    return `read() returned ${got.data.length} elements for ${formatAval(expected)} (${size} elements)`;
  }
  const float = expected.dtype === 'float32';
  for (let i = 0; i < size; i++) {
    const g = got.data[i]!;
    const e = expected.data[i]!;
    const problem = float
      ? floatMismatch(g, e, { tolerance, terms: sums.terms, magnitude: sums.magnitude?.data[i] ?? 0 })
      : g === e
        ? undefined
        : 'exact';
    if (problem !== undefined) {
      return (
        `element ${i} (index ${formatIndex(i, expected.shape)}) is ${formatNumber(g)}, expected ${formatNumber(e)} (${problem})\n` +
        `    got      ${formatElements(got)}\n    expected ${formatElements(expected)}`
      );
    }
  }
  return undefined;
}
