import type { JvpRule, TransposeRule } from '../../primitive.js';
import type { PrimitiveName, PrimitiveParams } from '../../primitives/params.js';

/** jvp rules for the built-in primitives named `N`: how each family's rule file is typed. */
export type JvpTable<N extends PrimitiveName> = { readonly [K in N]: JvpRule<PrimitiveParams[K]> };

/**
 * The built-in primitives that are linear in some operands (the rest constant), and so are what
 * a linearized program is made of; each has a transpose rule.
 */
export type LinearPrimitiveName =
  | 'neg'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'select'
  | 'cast'
  | 'reduceSum'
  | 'cumsum'
  | 'reshape'
  | 'broadcastInDim'
  | 'transpose'
  | 'slice'
  | 'pad'
  | 'concatenate'
  | 'rev'
  | 'gather'
  | 'dynamicSlice'
  | 'dynamicUpdateSlice'
  | 'scatterAdd'
  | 'dotGeneral'
  | 'conv'
  | 'reduceWindowSum';

/** Transpose rules for the linear built-ins named `N`. */
export type TransposeTable<N extends LinearPrimitiveName> = {
  readonly [K in N]: TransposeRule<PrimitiveParams[K]>;
};
