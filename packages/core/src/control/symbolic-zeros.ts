import type { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import { Zero } from '../primitive.js';

/** Whether each tangent or cotangent is a value rather than a symbolic zero. */
export function nonzeroFlags(ts: readonly (Array | Zero)[]): boolean[] {
  return ts.map((t) => !(t instanceof Zero));
}

/** The tangents or cotangents that are values, in order: what a transformed loop passes on. */
export function nonzeros(ts: readonly (Array | Zero)[]): Array[] {
  return ts.filter((t): t is Array => !(t instanceof Zero));
}

/** The inverse of {@link nonzeros}: the next of `values` where `nonzero` is set, zeros of `avals` elsewhere. */
export function withZeros(
  nonzero: readonly boolean[],
  values: readonly Array[],
  avals: readonly ShapeDtype[],
): (Array | Zero)[] {
  let next = 0;
  return nonzero.map((nz, i) => (nz ? values[next++]! : new Zero(avals[i]!)));
}
