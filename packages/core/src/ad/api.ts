import { Array } from '../array.js';
import { onesLike } from '../creation.js';
import { tidy } from '../eager.js';
import { AddaxError, DTypeError, ShapeError } from '../errors.js';
import { evalIR } from '../ir/eval-ir.js';
import { Zero } from '../primitive.js';
import { arrayLeaves, flattenFn } from '../tree/flat-fn.js';
import { flatten, unflatten, type TreeDef } from '../tree/pytree.js';
import { instantiate, isDifferentiable, jvpFlat } from './jvp-trace.js';
import { linearizeFlat } from './linearize.js';
import { backwardPass } from './transpose.js';

/** Options of {@link grad} and {@link valueAndGrad}. */
export interface GradOptions {
  /** Which positional arguments to differentiate; a list gives a list of gradients. Default 0. */
  readonly argnums?: number | readonly number[];
  /** Whether the function returns `[value, aux]`, with `aux` passed through undifferentiated. */
  readonly hasAux?: boolean;
}

function checkSameStructure(what: string, a: TreeDef, b: TreeDef): void {
  if (!a.equals(b)) {
    throw new AddaxError(`${what}: structure ${b.toString()} does not match the primals' ${a.toString()}`);
  }
}

/**
 * Forward mode: `f`'s outputs at `primals`, and their directional derivative along `tangents`
 * (`jax.jvp`). `primals` and `tangents` are lists of the arguments, of the same structure.
 *
 * @example
 * ```ts
 * const [y, dy] = ax.jvp(ax.sin, [ax.scalar(0)], [ax.scalar(1)]); // y = 0, dy = cos(0) = 1
 * ```
 */
export function jvp<T>(
  f: (...args: never[]) => T,
  primals: readonly unknown[],
  tangents: readonly unknown[],
): [T, T] {
  return tidy(() => {
    const [primalLeaves, inDef] = arrayLeaves([...primals], 'jvp (primals)');
    const [tangentLeaves, tangentDef] = arrayLeaves([...tangents], 'jvp (tangents)');
    checkSameStructure('jvp (tangents)', inDef, tangentDef);
    primalLeaves.forEach((p, i) => {
      const t = tangentLeaves[i]!;
      if (isDifferentiable(p.aval) && !p.aval.equals(t.aval)) {
        throw new ShapeError(`jvp: tangent ${i} is ${t.aval.describe()}, its primal is ${p.aval.describe()}`);
      }
    });
    const flat = flattenFn(f, inDef, 'jvp');
    const [outs, outTangents] = jvpFlat(flat.fn, primalLeaves, tangentLeaves);
    return [unflatten<T>(flat.outDef(), outs), unflatten<T>(flat.outDef(), outTangents.map(instantiate))];
  });
}

/**
 * `f`'s outputs at `primals`, and its derivative there as a function of the tangents, evaluated
 * once and applied as often as wanted (`jax.linearize`).
 *
 * @example
 * ```ts
 * const [y, fJvp] = ax.linearize((x: ax.Array) => ax.sin(x), ax.scalar(0));
 * fJvp(ax.scalar(2)); // 2 * cos(0) = 2
 * ```
 */
export function linearize<T>(
  f: (...args: never[]) => T,
  ...primals: unknown[]
): [T, (...tangents: unknown[]) => T] {
  const [leaves, inDef] = arrayLeaves(primals, 'linearize');
  const flat = flattenFn(f, inDef, 'linearize');
  const { primalsOut, linear } = linearizeFlat(flat.fn, leaves);
  const outDef = flat.outDef();
  const fJvp = (...tangents: unknown[]): T =>
    tidy(() => {
      const [tangentLeaves, def] = arrayLeaves(tangents, 'linearize (tangents)');
      checkSameStructure('linearize (tangents)', inDef, def);
      return unflatten<T>(outDef, evalIR(linear, tangentLeaves));
    });
  return [unflatten<T>(outDef, primalsOut), fJvp];
}

/**
 * Reverse mode: `f`'s outputs at `primals`, and the function that pulls a cotangent of them back to
 * a list of cotangents, one per primal (`jax.vjp`).
 *
 * @example
 * ```ts
 * const [y, pullback] = ax.vjp((x: ax.Array) => x.mul(3), ax.ones([2]));
 * const [dx] = pullback(ax.ones([2])); // [3, 3]
 * ```
 */
export function vjp<T>(f: (...args: never[]) => T, ...primals: unknown[]): [T, (cotangent: T) => unknown[]] {
  const [leaves, inDef] = arrayLeaves(primals, 'vjp');
  const flat = flattenFn(f, inDef, 'vjp');
  const { primalsOut, linear } = linearizeFlat(flat.fn, leaves);
  const outDef = flat.outDef();
  const pullback = (cotangent: T): unknown[] =>
    tidy(() => {
      const [cts, def] = arrayLeaves(cotangent, 'vjp (cotangent)');
      if (!def.equals(outDef)) {
        throw new AddaxError(
          `vjp: cotangent structure ${def.toString()} does not match the output's ${outDef.toString()}`,
        );
      }
      cts.forEach((ct, i) => {
        if (!ct.aval.equals(primalsOut[i]!.aval)) {
          throw new ShapeError(
            `vjp: cotangent ${i} is ${ct.aval.describe()}, the output is ${primalsOut[i]!.aval.describe()}`,
          );
        }
      });
      const inCts = backwardPass(
        linear,
        leaves.map(() => null),
        cts,
      );
      return unflatten<unknown[]>(inDef, inCts.map(instantiate));
    });
  return [unflatten<T>(outDef, primalsOut), pullback];
}

/** Splits `[value, aux]`, keeping aux's arrays apart so they can pass through a transformation. */
function splitAux(out: unknown, hasAux: boolean, where: string): [unknown, unknown] {
  if (!hasAux) return [out, undefined];
  if (!globalThis.Array.isArray(out) || out.length !== 2) {
    throw new AddaxError(`${where}: with hasAux the function must return [value, aux]`);
  }
  return [out[0], out[1]];
}

function valueAndGradImpl(
  f: (...args: never[]) => unknown,
  { argnums = 0, hasAux = false }: GradOptions,
  where: string,
): (...args: unknown[]) => [unknown, unknown] {
  const nums = typeof argnums === 'number' ? [argnums] : [...argnums];
  return (...args) =>
    tidy(() => {
      for (const i of nums) {
        if (!Number.isInteger(i) || i < 0 || i >= args.length) {
          throw new AddaxError(`${where}: argnums ${i} is out of range for ${args.length} arguments`);
        }
      }
      const [leaves, inDef] = arrayLeaves(
        nums.map((i) => args[i]),
        where,
      );
      leaves.forEach((x, i) => {
        if (!isDifferentiable(x.aval)) {
          throw new DTypeError(
            `${where} requires float32 inputs, but leaf ${i} of the differentiated arguments is ${x.aval.describe()}; ` +
              'integer and bool inputs have no gradient (pass them as other arguments)',
          );
        }
      });
      let auxLeaves: unknown[] = [];
      let auxDef: TreeDef | undefined;
      const fn = (...xs: Array[]): Array[] => {
        const parts = unflatten<unknown[]>(inDef, xs);
        const full = [...args];
        nums.forEach((a, j) => (full[a] = parts[j]));
        const [value, aux] = splitAux(f(...(full as never[])), hasAux, where);
        if (
          !(value instanceof Array) ||
          value.size !== 1 ||
          value.ndim !== 0 ||
          !isDifferentiable(value.aval)
        ) {
          const got = value instanceof Array ? value.aval.describe() : typeof value;
          throw new ShapeError(
            `${where}: the function must return a float32 scalar, got ${got}; use vjp for other outputs`,
          );
        }
        [auxLeaves, auxDef] = flatten(aux);
        return [value, ...auxLeaves.filter((l): l is Array => l instanceof Array)];
      };
      const { primalsOut, linear } = linearizeFlat(fn, leaves);
      const value = primalsOut[0]!;
      const cts = backwardPass(
        linear,
        leaves.map(() => null),
        [onesLike(value), ...primalsOut.slice(1).map((x) => new Zero(x.aval))],
      );
      const grads = unflatten<unknown[]>(inDef, cts.map(instantiate));
      const g = typeof argnums === 'number' ? grads[0] : grads;
      if (!hasAux) return [value, g];
      let k = 1;
      const auxOut = unflatten(
        auxDef!,
        auxLeaves.map((l) => (l instanceof Array ? primalsOut[k++] : l)),
      );
      return [[value, auxOut], g];
    });
}

/**
 * The gradient of a scalar-valued `f` with respect to argument `argnums` (a pytree: the gradient
 * has its structure), by reverse mode (`jax.grad`).
 *
 * @example
 * ```ts
 * const loss = (w: ax.Array, x: ax.Array) => ax.sum(ax.square(x.matmul(w)));
 * const g = ax.grad(loss)(ax.ones([3]), ax.ones([2, 3])); // shape [3]
 * ```
 */
export function grad<A extends unknown[]>(
  f: (...args: A) => Array,
  options?: { readonly argnums?: 0; readonly hasAux?: false },
): (...args: A) => A[0];
export function grad<A extends unknown[], G = unknown>(
  f: (...args: A) => unknown,
  options: GradOptions,
): (...args: A) => G;
export function grad(
  f: (...args: never[]) => unknown,
  options: GradOptions = {},
): (...args: unknown[]) => unknown {
  const both = valueAndGradImpl(f, options, 'grad');
  return (...args) => {
    const [value, g] = both(...args);
    if (options.hasAux) return [g, (value as [unknown, unknown])[1]];
    (value as Array).dispose();
    return g;
  };
}

/**
 * `f`'s value and its gradient in one pass (`jax.value_and_grad`): `[value, grad]`, or
 * `[[value, aux], grad]` with `hasAux`.
 *
 * @example
 * ```ts
 * const [loss, g] = ax.valueAndGrad((w: ax.Array) => ax.sum(ax.square(w)))(ax.ones([3]));
 * ```
 */
export function valueAndGrad<A extends unknown[]>(
  f: (...args: A) => Array,
  options?: { readonly argnums?: 0; readonly hasAux?: false },
): (...args: A) => [Array, A[0]];
export function valueAndGrad<A extends unknown[], V = unknown, G = unknown>(
  f: (...args: A) => unknown,
  options: GradOptions,
): (...args: A) => [V, G];
export function valueAndGrad(
  f: (...args: never[]) => unknown,
  options: GradOptions = {},
): (...args: unknown[]) => [unknown, unknown] {
  return valueAndGradImpl(f, options, 'valueAndGrad');
}
