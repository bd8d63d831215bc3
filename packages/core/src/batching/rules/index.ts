import type { PrimitiveName } from '../../primitives/params.js';
import { elementwiseBatchers } from './elementwise.js';
import { linalgBatchers } from './linalg.js';
import { reductionBatchers } from './reductions.js';
import { shapeBatchers } from './shape.js';
import type { BatchTable } from './types.js';

/** Every built-in primitive's batch rule; a missing one is a compile error (no loop fallback). */
export const batchRules: BatchTable<PrimitiveName> = {
  ...elementwiseBatchers,
  ...reductionBatchers,
  ...shapeBatchers,
  ...linalgBatchers,
};
