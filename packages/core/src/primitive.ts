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

/**
 * `batch(operands, batchDims, params, axisSize) -> [outputs, outBatchDims]`: the primitive on whole
 * batches, where `batchDims[i]` is the axis operand `i` is mapped along (`null`: unmapped, the same
 * for every batch element) and `axisSize` the number of batch elements.
 */
export type BatchRule<P> = (
  operands: readonly Array[],
  batchDims: readonly (number | null)[],
  params: P,
  axisSize: number,
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
  /**
   * Set when `abstractEval` traces the decomposition (a primitive wrapping a user's function, such
   * as nn's `layer_cau`): eager evaluation then runs the decomposition without it, and the
   * decomposition's own primitives check their shapes.
   */
  readonly abstractEvalTraces?: boolean;
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
  if (def.jvp) defineJvp(prim, def.jvp);
  if (def.transpose) defineTranspose(prim, def.transpose);
  if (def.batch) defineBatch(prim, def.batch);
  return prim;
}

// One table per transformation, as JAX's `primitive_jvps`, `primitive_transposes` and
// `primitive_batchers`: the rules of core's primitives are defined in files of their own, next to
// the transformation, and a user's primitive can be given rules after it is defined.
const jvpRules = new Map<object, unknown>();
const transposeRules = new Map<object, unknown>();
const batchRules = new Map<object, unknown>();

function defineRule(
  table: Map<object, unknown>,
  kind: string,
  prim: { readonly name: string },
  rule: unknown,
): void {
  if (table.has(prim)) throw new AddaxError(`${prim.name} already has a ${kind} rule`);
  table.set(prim, rule);
}

/** Gives `prim` its forward-mode derivative (JAX's `ad.defjvp`). */
export function defineJvp<P>(prim: Primitive<P>, rule: JvpRule<P>): void {
  defineRule(jvpRules, 'jvp', prim, rule);
}

/** Gives a linear `prim` its transpose, which reverse mode runs backwards (JAX's `ad.deflinear`). */
export function defineTranspose<P>(prim: Primitive<P>, rule: TransposeRule<P>): void {
  defineRule(transposeRules, 'transpose', prim, rule);
}

/** Gives `prim` its rule under `vmap` (JAX's `batching.primitive_batchers`). */
export function defineBatch<P>(prim: Primitive<P>, rule: BatchRule<P>): void {
  defineRule(batchRules, 'batch', prim, rule);
}

/** The jvp rule of `prim`, if it has one. */
export function jvpRuleOf<P>(prim: Primitive<P>): JvpRule<P> | undefined {
  return jvpRules.get(prim) as JvpRule<P> | undefined;
}

/** The transpose rule of `prim`, if it is linear. */
export function transposeRuleOf<P>(prim: Primitive<P>): TransposeRule<P> | undefined {
  return transposeRules.get(prim) as TransposeRule<P> | undefined;
}

/** The batch rule of `prim`, if it has one. */
export function batchRuleOf<P>(prim: Primitive<P>): BatchRule<P> | undefined {
  return batchRules.get(prim) as BatchRule<P> | undefined;
}

/** The primitive registered under `name`, if any. */
export function lookupPrimitive(name: string): Primitive<never> | undefined {
  return registry.get(name);
}

/** Every registered primitive's name. */
export function primitiveNames(): string[] {
  return [...registry.keys()];
}
