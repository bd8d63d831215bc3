import { leavesLike, pairOf } from '../control/check-avals.js';
import { stageOpenFn } from '../control/open-ir.js';
import { tidy } from '../eager.js';
import { bind } from '../interpreters.js';
import { arrayLeaves, flattenFn } from '../tree/flat-fn.js';
import { unflatten } from '../tree/pytree.js';
import { customJvpCallP } from './custom-jvp-primitive.js';

/**
 * `f` with its forward-mode derivative given by `jvpRule` (`jax.custom_jvp` with `defjvp`):
 * `jvpRule(primals, tangents)` gets the argument list and a tangent for every argument (zeros
 * where none flows) and returns `[output, outputTangent]`, both shaped as `f`'s output. The
 * tangent must be linear in the tangents, so reverse mode (grad) uses the rule too. Evaluation,
 * jit and vmap run `f`; arguments and outputs are pytrees. Use it for numerically stable
 * derivatives, or to hide an iterative solver from differentiation.
 *
 * @example
 * ```ts
 * // log(1 + e^x) whose derivative stays finite for large x (1 - 1/(1 + e^x), not e^x/(1 + e^x)).
 * const log1pexp = ax.customJvp(
 *   (x: ax.Array) => ax.log1p(ax.exp(x)),
 *   ([x], [t]) => [ax.log1p(ax.exp(x)), t.mul(ax.subtract(1, ax.reciprocal(ax.exp(x).add(1))))],
 * );
 * ax.grad(log1pexp)(ax.scalar(100)); // 1, where the plain formula gives NaN
 * ```
 */
export function customJvp<A extends unknown[], R>(
  f: (...args: A) => R,
  jvpRule: (primals: A, tangents: A) => [R, R],
): (...args: A) => R {
  return (...args) =>
    tidy(() => {
      const [leaves, inDef] = arrayLeaves(args, 'customJvp');
      const avals = leaves.map((x) => x.aval);
      const flat = flattenFn(f as (...a: never[]) => unknown, inDef, 'customJvp');
      const call = stageOpenFn(flat.fn, avals);
      const outDef = flat.outDef();
      const outAvals = call.ir.outAvals;
      const rule = stageOpenFn(
        (...xs) => {
          const [out, tangent] = pairOf(
            jvpRule(
              unflatten<A>(inDef, xs.slice(0, leaves.length)),
              unflatten<A>(inDef, xs.slice(leaves.length)),
            ),
            'customJvp: the jvp rule must return [output, outputTangent]',
          );
          return [
            ...leavesLike('customJvp', "the jvp rule's output", out, outDef, outAvals, "f's output"),
            ...leavesLike('customJvp', "the jvp rule's tangent", tangent, outDef, outAvals, "f's output"),
          ];
        },
        [...avals, ...avals],
      );
      const outs = bind(customJvpCallP, [...call.consts, ...rule.consts, ...leaves], {
        call: call.ir,
        jvp: rule.ir,
        numCallConsts: call.consts.length,
        numJvpConsts: rule.consts.length,
      });
      return unflatten<R>(outDef, outs);
    });
}
