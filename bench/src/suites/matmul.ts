import * as ax from '@addax/core';
import * as tf from '@tensorflow/tfjs-core';
import {
  ADDAX_BACKENDS,
  ADDAX_WEBGL_JIT,
  lanesOn,
  TFJS_BACKENDS,
  useAddaxBackend,
  useTfBackend,
} from '../backends.js';
import { seededOp } from '../seeded-op.js';
import type { Entry } from '../types.js';

/**
 * Square float32 matmuls, `2 n^3` flops each: Addax on each backend (and jitted on webgl) against
 * tfjs on each (the baseline is tfjs-backend-cpu). Runs at 1024 take seconds on tfjs-cpu, so they are timed fewer times.
 *
 * @example
 * ```ts
 * matmulEntries([64, 128]); // two entries, each with the addax-* and tfjs-* lanes
 * ```
 */
export function matmulEntries(sizes: readonly number[] = [128, 256, 512, 1024]): Entry[] {
  return sizes.map((n) => {
    const shapes = [
      [n, n],
      [n, n],
    ];
    return {
      suite: 'matmul',
      name: `${n}x${n} @ ${n}x${n} f32`,
      flops: 2 * n ** 3,
      baseline: 'tfjs-cpu',
      ...(n >= 1024 ? { measure: { warmup: 1, minRuns: 3, minTimeMs: 0, rounds: 1 } } : {}),
      lanes: [
        ...lanesOn(ADDAX_BACKENDS, useAddaxBackend, seededOp(shapes, ax.fromTyped, ax.matmul)),
        ...lanesOn(ADDAX_WEBGL_JIT, useAddaxBackend, seededOp(shapes, ax.fromTyped, ax.jit(ax.matmul))),
        ...lanesOn(
          TFJS_BACKENDS,
          useTfBackend,
          seededOp(shapes, tf.tensor, (a, b) => tf.matMul(a, b)),
        ),
      ],
    };
  });
}
