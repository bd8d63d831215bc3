import { leavesLike, pairOf } from '../control/check-avals.js';
import { stageOpen, stageOpenFn } from '../control/open-ir.js';
import { zeros } from '../creation.js';
import { tidy } from '../eager.js';
import { AddaxError } from '../errors.js';
import { bind } from '../interpreters.js';
import { arrayLeaves, flattenFn } from '../tree/flat-fn.js';
import { structure, unflatten } from '../tree/pytree.js';
import { customVjpCallP } from './custom-vjp-primitive.js';

/**
 * `f` with its reverse-mode derivative given by a forward and a backward rule (`jax.custom_vjp`
 * with `defvjp`): `fwd(...args)` returns `[output, residuals]` (the output as `f`'s, residuals any
 * pytree of arrays it wants to keep), and `bwd(residuals, outputCotangent)` returns one cotangent
 * per argument, shaped as that argument (`null` for zero). grad, vjp and jacrev use the rules;
 * evaluation, jit and vmap run `f`; forward mode (jvp) is an error, as in JAX. Arguments, output
 * and residuals are pytrees.
 *
 * @example
 * ```ts
 * // The identity, whose gradient is clipped to [-1, 1].
 * const clipGradient = ax.customVjp(
 *   (x: ax.Array) => x,
 *   (x: ax.Array) => [x, null],
 *   (_res, g: ax.Array) => [ax.clip(g, -1, 1)],
 * );
 * ax.grad((x: ax.Array) => clipGradient(x).mul(5))(ax.scalar(2)); // 1, not 5
 * ```
 */
export function customVjp<A extends unknown[], R, Res>(
  f: (...args: A) => R,
  fwd: (...args: A) => [R, Res],
  bwd: (residuals: Res, cotangent: R) => readonly unknown[],
): (...args: A) => R {
  return (...args) =>
    tidy(() => {
      const perArg = args.map((a, i) => arrayLeaves(a, `customVjp (argument ${i})`));
      const leaves = perArg.flatMap(([l]) => l);
      const avals = leaves.map((x) => x.aval);
      const inDef = structure(args);
      const flat = flattenFn(f as (...a: never[]) => unknown, inDef, 'customVjp');
      const call = stageOpenFn(flat.fn, avals);
      const outDef = flat.outDef();
      const outAvals = call.ir.outAvals;
      const forward = stageOpen((...xs) => {
        const [out, saved] = pairOf(
          fwd(...unflatten<A>(inDef, xs)),
          'customVjp: fwd must return [output, residuals]',
        );
        const [residuals, residualDef] = arrayLeaves(saved, 'customVjp (residuals)');
        return [
          [...leavesLike('customVjp', "fwd's output", out, outDef, outAvals, "f's output"), ...residuals],
          residualDef,
        ];
      }, avals);
      const residualAvals = forward.ir.outAvals.slice(outAvals.length);
      const backward = stageOpenFn(
        (...xs) => {
          const cts: unknown = bwd(
            unflatten<Res>(forward.extra, xs.slice(0, residualAvals.length)),
            unflatten<R>(outDef, xs.slice(residualAvals.length)),
          );
          if (!globalThis.Array.isArray(cts) || cts.length !== args.length) {
            throw new AddaxError(
              `customVjp: bwd must return a list of ${args.length} cotangents, one per argument (null for zero)`,
            );
          }
          return cts.flatMap((ct: unknown, i) => {
            const [argLeaves, argDef] = perArg[i]!;
            if (ct === null || ct === undefined) return argLeaves.map((a) => zeros(a.shape, a.dtype));
            const argAvals = argLeaves.map((a) => a.aval);
            return leavesLike('customVjp', `bwd's cotangent ${i}`, ct, argDef, argAvals, `argument ${i}`);
          });
        },
        [...residualAvals, ...outAvals],
      );
      const outs = bind(customVjpCallP, [...call.consts, ...forward.consts, ...backward.consts, ...leaves], {
        call: call.ir,
        fwd: forward.ir,
        bwd: backward.ir,
        numCallConsts: call.consts.length,
        numFwdConsts: forward.consts.length,
        numBwdConsts: backward.consts.length,
      });
      return unflatten<R>(outDef, outs);
    });
}
