import type { PrimitiveName } from '../../primitives/params.js';
import { elementwiseJvps, elementwiseTransposes } from './elementwise.js';
import { linalgJvps, linalgTransposes } from './linalg.js';
import { reductionJvps, reductionTransposes } from './reductions.js';
import { shapeJvps, shapeTransposes } from './shape.js';
import type { JvpTable, LinearPrimitiveName, TransposeTable } from './types.js';

/** Every built-in primitive's jvp rule; a missing one is a compile error. */
export const jvpRules: JvpTable<PrimitiveName> = {
  ...elementwiseJvps,
  ...reductionJvps,
  ...shapeJvps,
  ...linalgJvps,
};

/** Every linear built-in's transpose rule; a missing one is a compile error. */
export const transposeRules: TransposeTable<LinearPrimitiveName> = {
  ...elementwiseTransposes,
  ...reductionTransposes,
  ...shapeTransposes,
  ...linalgTransposes,
};
