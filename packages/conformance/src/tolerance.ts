/**
 * How close a float32 result must be to the reference's. Integer and bool results are always
 * compared exactly, whatever the tolerance.
 *
 * - `exact`: the same value, `-0` distinct from `0` (NaN meets NaN, whatever its payload);
 * - `ulps`: within `ulps` float32 steps; zeros agree in sign, infinities match exactly;
 * - `sum`: a sum of `n` terms (summation order may differ): within `(n + 1) * (2^-24 * S + 2^-149)`,
 *   where `S` is the same sum of the terms' absolute values, computed by the reference on
 *   `|operands|` (the `2^-149` is a subnormal product's rounding error);
 * - `product`: a product of `n` factors (order may differ): within `2n` ulps.
 */
export type Tolerance =
  | { readonly kind: 'exact' }
  | { readonly kind: 'ulps'; readonly ulps: number }
  | { readonly kind: 'sum' }
  | { readonly kind: 'product' };

/** Bit-for-bit the reference's values (`-0` is not `0`; NaN payloads are not compared). */
export const EXACT: Tolerance = { kind: 'exact' };

/** Sums in any order: within `(n + 1) * (2^-24 * S + 2^-149)`, `S` the sum of the terms' magnitudes. */
export const SUM: Tolerance = { kind: 'sum' };

/** Products in any order: within `2n` ulps for `n` factors. */
export const PRODUCT: Tolerance = { kind: 'product' };

/**
 * Within `n` float32 ulps.
 *
 * @example
 * ```ts
 * ulps(2); // { kind: 'ulps', ulps: 2 }
 * ```
 */
export function ulps(n: number): Tolerance {
  return { kind: 'ulps', ulps: n };
}

/** The tolerance in words, as test names and the CLI's `--list` show it. */
export function describeTolerance(t: Tolerance): string {
  switch (t.kind) {
    case 'exact':
      return 'exact';
    case 'ulps':
      return `${t.ulps} ulp`;
    case 'sum':
      return '(n+1)·(2^-24·Σ|terms| + 2^-149) for n terms';
    case 'product':
      return '2n ulp for n factors';
  }
}
