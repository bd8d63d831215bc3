import * as ax from '@addax/core';
import { registerCpuMin } from './helpers.js';

/** A seeded generator of uniform numbers in [0, 1) (mulberry32), so failures replay. */
export function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** An operand for {@link onBoth}: its shape, dtype and row-major data. */
export interface Operand {
  readonly shape: readonly number[];
  readonly dtype: ax.DType;
  readonly data: ax.TypedArray;
}

/**
 * `size(shape)` values from `seed`: float32 uniform in [lo, hi), or integers in [lo, hi] for
 * int32/uint32.
 */
export function operand(shape: readonly number[], dtype: ax.DType, seed: number, lo = -1, hi = 1): Operand {
  const next = generator(seed);
  const data = ax.allocTyped(dtype, ax.sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    const u = next();
    data[i] = dtype === 'float32' ? lo + (hi - lo) * u : Math.floor(lo + (hi - lo + 1) * u);
  }
  return { shape, dtype, data };
}

/** `f` of the operands uploaded to `backend`, read back as plain numbers; every array made is freed. */
export function runOn(
  backend: string,
  f: (...xs: ax.Array[]) => ax.Array,
  operands: readonly Operand[],
): number[] {
  const previous = ax.getBackend().name;
  ax.setBackend(backend);
  try {
    return ax.tidy(() =>
      globalThis.Array.from(
        f(...operands.map((o) => ax.fromTyped(o.data.slice(), o.shape, o.dtype))).dataSync(),
      ),
    );
  } finally {
    ax.setBackend(previous);
  }
}

/** `f` run by the kernels of `cpu` and by the decompositions on `cpu-min`. */
export function onBoth(
  f: (...xs: ax.Array[]) => ax.Array,
  operands: readonly Operand[],
): { kernel: number[]; decomposed: number[] } {
  registerCpuMin();
  return { kernel: runOn('cpu', f, operands), decomposed: runOn('cpu-min', f, operands) };
}

/** The largest elementwise |a - b| (NaN where exactly one side is NaN, 0 where both are). */
export function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  a.forEach((v, i) => {
    const w = b[i]!;
    if (Number.isNaN(v) && Number.isNaN(w)) return;
    if (v === w) return;
    worst = Math.max(worst, Number.isNaN(v - w) ? Infinity : Math.abs(v - w));
  });
  return worst;
}
