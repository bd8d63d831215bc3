import { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import { instantiate } from '../ad/jvp-trace.js';
import { zeros } from '../creation.js';
import { AddaxError } from '../errors.js';
import { bind } from '../interpreters.js';
import { add } from '../lax/arithmetic.js';
import type { Zero } from '../primitive.js';
import { flags, indices, splitList } from './lists.js';
import { stageOpenFn } from './open-ir.js';
import { scanP, type ScanParams } from './scan-primitive.js';
import { nonzeroFlags, nonzeros } from './symbolic-zeros.js';
import { transposeBody } from './transpose-body.js';

/**
 * Transpose of a scan linear in its whole carry and in the consts and xs its `linear` flags mark
 * (as the tangent scans of {@link scanJvp} are), as JAX's `_scan_transpose`: a scan the other way
 * whose body is the transposed body. It carries the carry's cotangent and, for each linear const,
 * the sum of its cotangents over the iterations; its xs are the residual xs and the nonzero
 * cotangents of the ys; its ys are the cotangents of the linear xs.
 */
export function scanTranspose(
  cotangents: readonly (Array | Zero)[],
  operands: readonly (Array | ShapeDtype)[],
  params: ScanParams,
): (Array | Zero | null)[] {
  const { body, numConsts: nc, numCarry, length, reverse, linear } = params;
  const n = operands.length;
  const notLinearCarry = indices(nc, nc + numCarry).find((i) => !linear[i]);
  if (notLinearCarry !== undefined) {
    throw new AddaxError(
      `scan transpose: carry ${notLinearCarry - nc} is not linear; only a scan linear in its whole carry ` +
        '(as the tangent scans its jvp rule makes) can be transposed',
    );
  }
  const residualOf = (i: number): Array => {
    const x = operands[i]!;
    if (x instanceof Array) return x;
    throw new AddaxError(
      `scan transpose: operand ${i} (${x.describe()}) is not linear, yet depends on the linearized inputs`,
    );
  };
  const resConsts = indices(0, nc)
    .filter((i) => !linear[i])
    .map(residualOf);
  const resXs = indices(nc + numCarry, n)
    .filter((i) => !linear[i])
    .map(residualOf);
  const linConsts = indices(0, nc).filter((i) => linear[i]);
  const numLinXs = indices(nc + numCarry, n).filter((i) => linear[i]).length;
  const ctCarry = cotangents.slice(0, numCarry).map((ct) => instantiate(ct));
  const ysNonzero = nonzeroFlags(cotangents.slice(numCarry));
  const ctYs = nonzeros(cotangents.slice(numCarry));
  const { inAvals, outAvals } = body;

  const transposed = stageOpenFn(
    (...args) => {
      const [rc, acc, cc, rx, cy] = splitList(args, [
        resConsts.length,
        linConsts.length,
        numCarry,
        resXs.length,
        ctYs.length,
      ]);
      let next = 0;
      const outCts = [...cc!, ...ysNonzero.map((nz) => (nz ? cy![next++]! : null))];
      const inCts = transposeBody(body, linear, [...rc!, ...rx!], outCts);
      const [cConsts, rest] = splitList(inCts, [linConsts.length, numCarry + numLinXs]);
      return [...acc!.map((a, i) => add(a, cConsts![i]!)), ...rest!];
    },
    [
      ...resConsts.map((x) => x.aval),
      ...linConsts.map((i) => inAvals[i]!),
      ...indices(nc, nc + numCarry).map((i) => inAvals[i]!),
      ...indices(nc + numCarry, n)
        .filter((i) => !linear[i])
        .map((i) => inAvals[i]!),
      ...outAvals.slice(numCarry).filter((_, k) => ysNonzero[k]),
    ],
  );
  const outs = bind(
    scanP,
    [
      ...transposed.consts,
      ...resConsts,
      ...linConsts.map((i) => zeros(inAvals[i]!.shape, inAvals[i]!.dtype)),
      ...ctCarry,
      ...resXs,
      ...ctYs,
    ],
    {
      body: transposed.ir,
      numConsts: transposed.consts.length + resConsts.length,
      numCarry: linConsts.length + numCarry,
      length,
      reverse: !reverse,
      linear: [
        ...flags(transposed.consts.length + resConsts.length, false),
        ...flags(linConsts.length + numCarry, true),
        ...flags(resXs.length, false),
        ...flags(ctYs.length, true),
      ],
    },
  );
  // outs: [...const cotangents, ...carry cotangents, ...xs cotangents], in operand order.
  let next = 0;
  return operands.map((_, i) => (linear[i] ? outs[next++]! : null));
}
