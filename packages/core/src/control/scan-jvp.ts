import type { Array } from '../array.js';
import { instantiate } from '../ad/jvp-trace.js';
import { bind } from '../interpreters.js';
import type { Zero } from '../primitive.js';
import { carryFixedPoint } from './carry-fixed-point.js';
import { flags, indices } from './lists.js';
import { jvpIR } from './jvp-ir.js';
import { permuteInputs, pruneOutputs, usedInputs } from './prune-ir.js';
import { runBody, scanP, scanWithBody, type ScanParams } from './scan-primitive.js';
import { nonzeroFlags, withZeros } from './symbolic-zeros.js';

/**
 * jvp of scan, split as JAX's partial evaluation splits it, so reverse mode can stage the tangent
 * part alone and transpose it:
 * - the primal scan, with each iteration's incoming carry appended to its ys where the tangent
 *   body needs it (the residuals);
 * - a tangent scan over (residuals, primal consts and xs, nonzero tangents), whose body is the
 *   tangent part of the body's jvp (recomputing what it needs of the primal from the residuals),
 *   linear in the tangents.
 * Which carry tangents are nonzero is found by a fixed point, as in JAX's `_scan_jvp`.
 */
export function scanJvp(
  primals: readonly Array[],
  tangents: readonly (Array | Zero)[],
  params: ScanParams,
): [Array[], (Array | Zero)[]] {
  const { numConsts: nc, numCarry, length, reverse } = params;
  const n = primals.length;
  const nonzero = nonzeroFlags(tangents);
  const withCarry = (carryNz: readonly boolean[]): boolean[] => [
    ...nonzero.slice(0, nc),
    ...carryNz,
    ...nonzero.slice(nc + numCarry),
  ];
  const { flags: carryNonzero, result: jvp } = carryFixedPoint(
    nonzero.slice(nc, nc + numCarry),
    (carryNz) => jvpIR(params.body, withCarry(carryNz), carryNz),
    (j) => j.outNonzero,
  );
  const inNonzero = withCarry(carryNonzero);
  const numOuts = params.body.outVars.length;
  const tangentBody = pruneOutputs(
    jvp.ir,
    jvp.ir.outVars.map((_, i) => i >= numOuts),
  );

  // Inputs of the jvp program: [...its consts, ...primals, ...nonzero tangents].
  const used = usedInputs(tangentBody);
  const h = jvp.consts.length;
  let nextTangent = h + n;
  const tangentAt = inNonzero.map((nz) => (nz ? nextTangent++ : -1));
  const usedPrimals = (lo: number, hi: number): number[] => indices(lo, hi).filter((i) => used[h + i]);
  const tangentsIn = (lo: number, hi: number): number[] => indices(lo, hi).filter((i) => inNonzero[i]);
  const consts = indices(0, h).filter((i) => used[i]);
  const [pConsts, pCarry, pXs] = [
    usedPrimals(0, nc),
    usedPrimals(nc, nc + numCarry),
    usedPrimals(nc + numCarry, n),
  ];
  const [tConsts, tCarry, tXs] = [
    tangentsIn(0, nc),
    tangentsIn(nc, nc + numCarry),
    tangentsIn(nc + numCarry, n),
  ];

  const outs =
    pCarry.length === 0
      ? bind(scanP, primals, params)
      : scanWithBody(primals, params, (c, carry, x) => {
          const [next, ys] = runBody(params, c, carry, x);
          return [next, [...ys, ...pCarry.map((i) => carry[i - nc]!)]];
        });
  const primalOuts = outs.slice(0, numOuts);
  const tangentOf = (i: number): Array => instantiate(tangents[i]!);
  const body = permuteInputs(tangentBody, [
    ...consts,
    ...pConsts.map((i) => h + i),
    ...tConsts.map((i) => tangentAt[i]!),
    ...tCarry.map((i) => tangentAt[i]!),
    ...pCarry.map((i) => h + i),
    ...pXs.map((i) => h + i),
    ...tXs.map((i) => tangentAt[i]!),
  ]);
  const residualConsts = [...consts.map((i) => jvp.consts[i]!), ...pConsts.map((i) => primals[i]!)];
  const residualXs = [...outs.slice(numOuts), ...pXs.map((i) => primals[i]!)];
  const tangentOuts = bind(
    scanP,
    [
      ...residualConsts,
      ...tConsts.map(tangentOf),
      ...tCarry.map(tangentOf),
      ...residualXs,
      ...tXs.map(tangentOf),
    ],
    {
      body,
      numConsts: residualConsts.length + tConsts.length,
      numCarry: tCarry.length,
      length,
      reverse,
      linear: [
        ...flags(residualConsts.length, false),
        ...flags(tConsts.length + tCarry.length, true),
        ...flags(residualXs.length, false),
        ...flags(tXs.length, true),
      ],
    },
  );
  return [
    primalOuts,
    withZeros(
      jvp.outNonzero,
      tangentOuts,
      primalOuts.map((o) => o.aval),
    ),
  ];
}
