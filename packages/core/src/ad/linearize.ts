import type { Array } from '../array.js';
import { AddaxError } from '../errors.js';
import type { IR } from '../ir/ir.js';
import { stage, StagingTracer } from '../ir/staging.js';
import { transposeRuleOf, Zero } from '../primitive.js';
import { instantiate, isDifferentiable, jvpFlat } from './jvp-trace.js';

/** A function's outputs at a point, and its derivative there as a linear program of the tangents. */
export interface Linearized {
  readonly primalsOut: Array[];
  /** Tangents of the inputs in, tangents of the outputs out; linear in its inputs. */
  readonly linear: IR;
}

/**
 * Linearizes `fn` at `primals` (Autodidax's `linearize`): forward mode with the tangents staged and
 * the primals evaluated, so the program left holds only the tangent computation, with the values
 * it needs from the primal pass (the residuals) as its constants. Reverse mode transposes it.
 * Residuals made here belong to the caller's enclosing `tidy` scope.
 */
export function linearizeFlat(
  fn: (...args: Array[]) => readonly Array[],
  primals: readonly Array[],
): Linearized {
  const { ir, extra } = stage(
    (trace, tangents) => {
      const [primalsOut, tangentsOut] = jvpFlat(
        fn,
        primals,
        tangents.map((t, i) => (isDifferentiable(primals[i]!.aval) ? t : new Zero(t.aval))),
      );
      const staged = primalsOut.some((p) => p instanceof StagingTracer && p.trace.main === trace.main);
      return [tangentsOut.map((t) => instantiate(t)), { primalsOut, staged }];
    },
    primals.map((p) => p.aval),
    { dynamic: false, owner: 'enclosing' },
  );
  if (extra.staged) {
    const culprit = ir.eqns.find((e) => !transposeRuleOf(e.primitive))?.primitive.name ?? 'a primitive';
    throw new AddaxError(
      `reverse-mode differentiation (grad, vjp, linearize) does not support ${culprit}: its primal results ` +
        'depend on the tangents it carries (as whileLoop does); use scan or forLoop, or forward mode (jvp, jacfwd)',
    );
  }
  return { primalsOut: extra.primalsOut, linear: ir };
}
