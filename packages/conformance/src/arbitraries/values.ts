import fc from 'fast-check';
import type * as ax from '@addax/core';
import { hostArray, type HostArray } from '../host.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const UINT32_MAX = 2 ** 32 - 1;
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * The values most likely to expose a wrong kernel, per dtype: signed zeros, NaN, infinities, the
 * smallest subnormal and normal, the largest finite value, halves (rounding), and the integer
 * dtypes' extremes.
 */
export const EDGE_VALUES: Readonly<Record<ax.DType, readonly number[]>> = {
  float32: [
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    1.5,
    -2.5,
    2 ** -149,
    -(2 ** -149),
    2 ** -126,
    FLOAT32_MAX,
    -FLOAT32_MAX,
    Infinity,
    -Infinity,
    NaN,
  ],
  int32: [0, 1, -1, 2, -2, 7, -7, INT32_MAX, INT32_MIN, INT32_MIN + 1],
  uint32: [0, 1, 2, 7, INT32_MAX, 2 ** 31, UINT32_MAX],
  bool: [0, 1],
};

/**
 * Where a primitive's operand values come from: ordinary values in `[min, max]` (float32: every
 * float32 value, NaN and infinities included, when no range is given; integers: the dtype's range),
 * small integers in that range (ties and exact arithmetic), and edge values.
 */
export interface Domain {
  readonly min?: number;
  readonly max?: number;
  /** Edge values mixed in; by default the dtype's {@link EDGE_VALUES} within `[min, max]`. */
  readonly edges?: readonly number[];
}

/** The range of values `dtype` can hold. */
function dtypeRange(dtype: ax.DType): [number, number] {
  return {
    float32: [-FLOAT32_MAX, FLOAT32_MAX] as [number, number],
    int32: [INT32_MIN, INT32_MAX] as [number, number],
    uint32: [0, UINT32_MAX] as [number, number],
    bool: [0, 1] as [number, number],
  }[dtype];
}

/** The edge values a domain mixes in. */
export function domainEdges(dtype: ax.DType, domain: Domain): readonly number[] {
  if (domain.edges) return domain.edges;
  const [lo, hi] = dtypeRange(dtype);
  const min = domain.min ?? lo;
  const max = domain.max ?? hi;
  const ranged = domain.min !== undefined || domain.max !== undefined;
  return EDGE_VALUES[dtype].filter((v) => (v >= min && v <= max) || (!ranged && !Number.isFinite(v)));
}

/** float32 values spread evenly over the bit patterns in `[min, max]` (every value when no range is given). */
function floatBits(domain: Domain, min: number, max: number): fc.Arbitrary<number> {
  if (domain.min === undefined && domain.max === undefined) return fc.float();
  return fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true });
}

/**
 * float32 values spread evenly over `[min, max]` by value: moderate numbers with fractions. They
 * are multiples of a fine step, so they shrink toward 0 (or the bound nearest it) as integers do.
 */
function uniformFloat(min: number, max: number): fc.Arbitrary<number> {
  const step = Math.max(Math.abs(min), Math.abs(max)) / 2 ** 29;
  if (step === 0) return fc.constant(0);
  return fc
    .integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
    .map((k) => Math.min(Math.max(Math.fround(k * step), min), max));
}

/**
 * One element of `dtype` from `domain`. For float32 a third are the special values among the edges
 * (NaN, infinities, signed zeros), a sixth the other edges, a sixth small integers, a sixth values
 * spread over the bit patterns (every magnitude) and a sixth values spread evenly over the range
 * clipped to [-1000, 1000] (fractions); for integers two fifths edges, a fifth small integers, two
 * fifths ordinary values.
 *
 * @example
 * ```ts
 * elementArb('float32', { min: 0, max: 1 }); // 0, 0.5, 1, 2^-149, 0.37...
 * ```
 */
export function elementArb(dtype: ax.DType, domain: Domain = {}): fc.Arbitrary<number> {
  const [lo, hi] = dtypeRange(dtype);
  const min = domain.min ?? lo;
  const max = domain.max ?? hi;
  const arbitraries: fc.WeightedArbitrary<number>[] =
    dtype === 'float32'
      ? [
          { arbitrary: floatBits(domain, min, max), weight: 1 },
          { arbitrary: uniformFloat(Math.max(min, -1000), Math.min(max, 1000)), weight: 1 },
        ]
      : [{ arbitrary: fc.integer({ min, max }), weight: 2 }];
  const small = { min: Math.max(Math.ceil(min), -4), max: Math.min(Math.floor(max), 4) };
  if (small.min <= small.max) arbitraries.push({ arbitrary: fc.integer(small), weight: 1 });
  const edges = domainEdges(dtype, domain);
  const special = dtype === 'float32' ? edges.filter((v) => !Number.isFinite(v) || v === 0) : [];
  const others = edges.filter((v) => !special.includes(v));
  if (special.length > 0) arbitraries.push({ arbitrary: fc.constantFrom(...special), weight: 2 });
  if (others.length > 0)
    arbitraries.push({ arbitrary: fc.constantFrom(...others), weight: special.length ? 1 : 2 });
  return fc.oneof(...arbitraries);
}

/**
 * A host array of `dtype` and `shape` with elements from `domain`.
 *
 * @example
 * ```ts
 * hostArrayArb('int32', [2, 3]); // int32[2,3] with int32 edge values mixed in
 * ```
 */
export function hostArrayArb(
  dtype: ax.DType,
  shape: readonly number[],
  domain: Domain = {},
): fc.Arbitrary<HostArray> {
  const size = shape.reduce((a, b) => a * b, 1);
  return fc
    .array(elementArb(dtype, domain), { minLength: size, maxLength: size })
    .map((values) => hostArray(dtype, shape, values));
}
