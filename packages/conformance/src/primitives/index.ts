import { BINARY_SPECS } from './binary.js';
import { CONVERSION_SPECS } from './conversion.js';
import { GATHER_SPECS } from './gather.js';
import { LINALG_SPECS } from './linalg.js';
import { RANDOM_SPECS } from './random.js';
import { REDUCTION_SPECS } from './reductions.js';
import { SHAPE_SPECS } from './shape.js';
import { SLICING_SPECS } from './slicing.js';
import type { PrimitiveSpec } from './spec.js';
import { UNARY_SPECS } from './unary.js';

/** Every primitive the suite checks, one spec each: the table vitest and the CLI both run. */
export const PRIMITIVE_SPECS: readonly PrimitiveSpec[] = [
  ...UNARY_SPECS,
  ...BINARY_SPECS,
  ...CONVERSION_SPECS,
  ...REDUCTION_SPECS,
  ...SHAPE_SPECS,
  ...SLICING_SPECS,
  ...GATHER_SPECS,
  ...LINALG_SPECS,
  ...RANDOM_SPECS,
];
