import type { DType } from '../dtype.js';
import { definePrimitive, type Primitive, type PrimitiveDef } from '../primitive.js';
import type { PrimitiveParams } from '../primitives/params.js';
import { elementwiseEval } from './elementwise-eval.js';

/** What sets one elementwise primitive apart from another besides its name and dtypes. */
interface ElementwiseRules<P> {
  /** The output dtype; by default the operands' dtype. */
  readonly outDType?: DType;
  readonly decompose?: PrimitiveDef<P>['decompose'];
}

/**
 * Defines an elementwise primitive without params, as JAX's `standard_unop` and `standard_naryop`
 * do: operands of one shape and one dtype from `accepts`, checked by {@link elementwiseEval} under
 * the primitive's own name, so the name is written once.
 *
 * @example
 * ```ts
 * export const expP = elementwisePrimitive('exp', FLOATING);
 * ```
 */
export function elementwisePrimitive<K extends keyof PrimitiveParams & string>(
  name: K,
  accepts: readonly DType[],
  { outDType, decompose }: ElementwiseRules<PrimitiveParams[K]> = {},
): Primitive<PrimitiveParams[K]> {
  return definePrimitive<PrimitiveParams[K]>({
    name,
    abstractEval: elementwiseEval(name, accepts, outDType),
    ...(decompose && { decompose }),
  });
}
