import type { BatchRule } from '../../primitive.js';
import type { PrimitiveName, PrimitiveParams } from '../../primitives/params.js';

/** Batch rules for the built-in primitives named `N`: how each family's rule file is typed. */
export type BatchTable<N extends PrimitiveName> = { readonly [K in N]: BatchRule<PrimitiveParams[K]> };
