import { formatAval, formatElements, formatIndex, formatNumber } from '../format.js';
import type { HostArray } from '../host.js';
import type { LawTolerance } from './law-case.js';

/**
 * Throws unless `got` and `expected` have one shape and every element within `tol`
 * (`|got - expected| <= atol + rtol * |expected|`, NaN meeting NaN), naming the law that compared
 * them.
 *
 * @example
 * ```ts
 * expectClose(batched, looped, { rtol: 1e-5, atol: 1e-6 }, 'vmap(f) vs a loop of f');
 * ```
 */
export function expectClose(got: HostArray, expected: HostArray, tol: LawTolerance, what: string): void {
  if (got.shape.join() !== expected.shape.join()) {
    throw new Error(`${what}: got ${formatAval(got)}, expected ${formatAval(expected)}`);
  }
  for (let i = 0; i < expected.data.length; i++) {
    const g = got.data[i]!;
    const e = expected.data[i]!;
    if (Number.isNaN(g) && Number.isNaN(e)) continue;
    if (!(Math.abs(g - e) <= tol.atol + tol.rtol * Math.abs(e))) {
      throw new Error(
        `${what}: element ${i} (index ${formatIndex(i, expected.shape)}) is ${formatNumber(g)}, expected ${formatNumber(e)} ` +
          `(rtol ${tol.rtol}, atol ${tol.atol})\n    got      ${formatElements(got)}\n    expected ${formatElements(expected)}`,
      );
    }
  }
}
