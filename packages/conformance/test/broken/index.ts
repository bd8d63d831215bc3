import { ELEMENTWISE_BUGS } from './elementwise.js';
import { LINALG_BUGS } from './linalg.js';
import { POOLING_BUGS } from './pooling.js';
import { REDUCTION_BUGS } from './reductions.js';
import { SHAPE_BUGS } from './shape.js';
import type { BrokenBackend } from './wrap.js';

/** Every purpose-broken backend the suite must catch. */
export const BROKEN_BACKENDS: readonly BrokenBackend[] = [
  ...SHAPE_BUGS,
  ...ELEMENTWISE_BUGS,
  ...REDUCTION_BUGS,
  ...LINALG_BUGS,
  ...POOLING_BUGS,
];
