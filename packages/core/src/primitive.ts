import type { Array } from './array.js';
import type { ShapeDtype } from './aval.js';
import { AddaxError } from './errors.js';

/** A tangent or cotangent that is known to be zero, kept symbolic so no buffer is made for it. */
export class Zero {
  constructor(readonly aval: ShapeDtype) {}
}

/** `jvp(primals, tangents, params) -> [primalsOut, tangentsOut]`. */
export type JvpRule<P> = (
  primals: readonly Array[],
  tangents: readonly (Array | Zero)[],
  params: P,
) => [Array[], (Array | Zero)[]];

/**
 * For a primitive linear in some operands: given output cotangents and the operands (a linear
 * operand is passed as its {@link ShapeDtype}, a constant one as its value), the cotangent of each
 * linear operand, `null` for constant ones.
 */
export type TransposeRule<P> = (
  cotangents: readonly (Array | Zero)[],
  operands: readonly (Array | ShapeDtype)[],
  params: P,
) => (Array | Zero | null)[];

/** `batch(operands, batchDims, params) -> [outputs, outBatchDims]`; `null` means unbatched. */
export type BatchRule<P> = (
  operands: readonly Array[],
  batchDims: readonly (number | null)[],
  params: P,
) => [Array[], (number | null)[]];

/**
 * Everything one primitive is, in one record that every interpreter reads (JAX keeps these in
 * per-interpreter tables; one record makes "a primitive without abstractEval" a compile error).
 *
 * @typeParam P - The primitive's canonical keyword parameters.
 */
export interface PrimitiveDef<P> {
  /** Unique name, camelCase, as in `jax.lax`. */
  readonly name: string;
  /**
   * The kwarg rule: validates raw parameters against the operands and returns them canonical
   * (negative axes resolved, defaults filled), raising a ParameterError that names the parameter.
   */
  readonly params?: (raw: P, operands: readonly ShapeDtype[]) => P;
  /**
   * Output shapes and dtypes. The one place shape and dtype errors are raised, before any kernel
   * runs, with messages naming the primitive, the shapes and the offending parameter.
   */
  readonly abstractEval: (operands: readonly ShapeDtype[], params: P) => ShapeDtype[];
  /** The primitive in terms of others, run when a backend has no kernel for it. */
  readonly decompose?: (operands: readonly Array[], params: P) => Array[];
  readonly jvp?: JvpRule<P>;
  readonly transpose?: TransposeRule<P>;
  readonly batch?: BatchRule<P>;
}

/** A defined primitive: its record, frozen. Bind it with {@link bind}. */
export type Primitive<P> = PrimitiveDef<P>;

const registry = new Map<string, Primitive<never>>();

/**
 * Defines a primitive. Core's primitives are defined through this same function, so a user's
 * primitive is in no way second-class: every interpreter and backend treats it alike.
 *
 * @example
 * ```ts
 * import * as ax from '@addax/core';
 * const double = ax.definePrimitive<{}>({
 *   name: 'double',
 *   abstractEval: ([x]) => [x!],
 *   decompose: ([x]) => [ax.lax.add(x!, x!)],
 * });
 * const [y] = ax.bind(double, [ax.array([1, 2])], {}); // [2, 4] on any backend
 * ```
 */
export function definePrimitive<P>(def: PrimitiveDef<P>): Primitive<P> {
  if (registry.has(def.name)) {
    throw new AddaxError(`definePrimitive: a primitive named '${def.name}' is already defined`);
  }
  const prim = Object.freeze({ ...def });
  registry.set(def.name, prim as Primitive<never>);
  return prim;
}

/** The primitive registered under `name`, if any. */
export function lookupPrimitive(name: string): Primitive<never> | undefined {
  return registry.get(name);
}

/** Every registered primitive's name. */
export function primitiveNames(): string[] {
  return [...registry.keys()];
}
