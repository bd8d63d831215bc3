import * as ax from '@addax/core';

/** The elements of `x` as JS numbers, row-major. */
export function values(x: ax.Array): number[] {
  return globalThis.Array.from(x.dataSync());
}

/**
 * Asserts every element satisfies `|actual - expected| <= atol + rtol * |expected|`, and that the
 * shapes agree when `expected` is an array; the failure names the element and both values.
 */
export function expectClose(
  actual: ax.Array,
  expected: ax.Array | readonly number[],
  tol: { rtol: number; atol: number },
  what = 'value',
): void {
  if (expected instanceof ax.Array && actual.shape.join() !== expected.shape.join()) {
    throw new Error(`${what}: shape [${actual.shape.join(', ')}], expected [${expected.shape.join(', ')}]`);
  }
  const a = values(actual);
  const e = expected instanceof ax.Array ? values(expected) : expected;
  if (a.length !== e.length) throw new Error(`${what}: ${a.length} elements, expected ${e.length}`);
  e.forEach((y, i) => {
    const x = a[i]!;
    if (!(Math.abs(x - y) <= tol.atol + tol.rtol * Math.abs(y))) {
      throw new Error(`${what}: element ${i} is ${x}, expected ${y} (rtol ${tol.rtol}, atol ${tol.atol})`);
    }
  });
}

/** {@link expectClose} on every pair of leaves of two pytrees of the same structure. */
export function expectTreeClose(
  actual: unknown,
  expected: unknown,
  tol: { rtol: number; atol: number },
  what = 'tree',
): void {
  const [a, defA] = ax.tree.flatten(actual);
  const [e, defE] = ax.tree.flatten(expected);
  if (!defA.equals(defE))
    throw new Error(`${what}: structure ${defA.toString()}, expected ${defE.toString()}`);
  a.forEach((x, i) => expectClose(x as ax.Array, e[i] as ax.Array, tol, `${what} leaf ${i}`));
}
