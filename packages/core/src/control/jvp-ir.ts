import type { Array } from '../array.js';
import { instantiate, jvpFlat } from '../ad/jvp-trace.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';
import { Zero } from '../primitive.js';
import { stageOpen, type OpenIR } from './open-ir.js';

/** The forward-mode program of a body, and which of its output tangents are not known zeros. */
export interface JvpIR extends OpenIR {
  /** Per output of the body: whether the program returns its tangent (else it is zero). */
  readonly outNonzero: boolean[];
}

/**
 * Stages the jvp of `ir` (JAX's `jvp_jaxpr`): inputs `[...consts, ...primals, ...tangents]` with a
 * tangent for each input marked in `nonzero` (the others are symbolic zeros), outputs
 * `[...primalsOut, ...tangentsOut]` with a tangent for each output that is not a known zero or is
 * marked in `instantiate`.
 */
export function jvpIR(ir: IR, nonzero: readonly boolean[], instantiateOut: readonly boolean[]): JvpIR {
  const avals = ir.inAvals;
  const n = avals.length;
  const { extra, ...open } = stageOpen(
    (...args) => {
      let next = n;
      const tangents = avals.map((a, i) => (nonzero[i] ? args[next++]! : new Zero(a)));
      const [outs, tangentsOut] = jvpFlat((...xs: Array[]) => evalIR(ir, xs), args.slice(0, n), tangents);
      const outNonzero = tangentsOut.map((t, i) => !(t instanceof Zero) || instantiateOut[i] === true);
      const kept = tangentsOut.filter((_, i) => outNonzero[i]).map((t) => instantiate(t));
      return [[...outs, ...kept], outNonzero];
    },
    [...avals, ...avals.filter((_, i) => nonzero[i])],
  );
  return { ...open, outNonzero: extra };
}
