import type { Array } from '../array.js';
import { zeros } from '../creation.js';
import { tidy } from '../eager.js';
import { reshape } from '../lax/shape.js';
import { concatenate, slice } from '../lax/slicing.js';
import { releaseCarry } from './loop-carry.js';
import { runBody, type ScanParams } from './scan-primitive.js';

/** Row `i` of `x` along axis 0, that axis removed. */
export function row(x: Array, i: number): Array {
  const start = x.shape.map((_, a) => (a === 0 ? i : 0));
  const limit = x.shape.map((d, a) => (a === 0 ? i + 1 : d));
  return reshape(slice(x, start, limit), x.shape.slice(1));
}

/** `ys` stacked along a new axis 0, one row each. */
export function stackRows(ys: readonly Array[]): Array {
  return concatenate(
    ys.map((y) => reshape(y, [1, ...y.shape])),
    0,
  );
}

/**
 * Eager scan: the body runs once per row, each iteration in its own scope so only the carry
 * survives it, and each output row is stacked at its iteration's index (reverse scans fill from
 * the end).
 */
export function scanEval(operands: readonly Array[], params: ScanParams): Array[] {
  const { numConsts, numCarry, length, reverse } = params;
  const consts = operands.slice(0, numConsts);
  const xs = operands.slice(numConsts + numCarry);
  const yAvals = params.body.outAvals.slice(numCarry);
  const rows = yAvals.map(() => new globalThis.Array<Array>(length));
  let carry = operands.slice(numConsts, numConsts + numCarry);
  const kept = new Set(operands);
  for (let step = 0; step < length; step++) {
    const i = reverse ? length - 1 - step : step;
    const [next, ys] = tidy(() =>
      runBody(
        params,
        consts,
        carry,
        xs.map((x) => row(x, i)),
      ),
    );
    ys.forEach((y, k) => {
      rows[k]![i] = y;
      kept.add(y);
    });
    releaseCarry(carry, next, kept);
    carry = next;
  }
  const stacked = yAvals.map((a, k) =>
    length === 0 ? zeros([0, ...a.shape], a.dtype) : stackRows(rows[k]!),
  );
  return [...carry, ...stacked];
}
