import * as ax from '@addax/core';
import * as tf from '@tensorflow/tfjs-core';
import { randomFloats } from '../data.js';
import type { Entry, Lane } from '../types.js';

/** What a lane holds of its library's: a square float32 matrix that can be read back and freed. */
interface Matrix {
  dataSync(): unknown;
  dispose(): void;
}

/**
 * One library's lane, so every library multiplies the same two seeded inputs and each run does the
 * same work: the product, read back, then freed.
 */
function matmulLane<M extends Matrix>(
  name: string,
  n: number,
  matrix: (data: Float32Array, shape: [number, number]) => M,
  matmul: (a: M, b: M) => M,
): Lane {
  return {
    name,
    prepare: () => {
      const a = matrix(randomFloats(n * n, 1), [n, n]);
      const b = matrix(randomFloats(n * n, 2), [n, n]);
      return {
        run: () => {
          const c = matmul(a, b);
          c.dataSync();
          c.dispose();
        },
        dispose: () => {
          a.dispose();
          b.dispose();
        },
      };
    },
  };
}

/**
 * Square float32 matmuls, `2 n^3` flops each, Addax's CPU backend against tfjs-backend-cpu.
 *
 * @example
 * ```ts
 * matmulEntries([64, 128]); // two entries, each with an addax-cpu and a tfjs-cpu lane
 * ```
 */
export function matmulEntries(sizes: readonly number[] = [128, 256, 512]): Entry[] {
  return sizes.map((n) => ({
    suite: 'matmul',
    name: `${n}x${n} @ ${n}x${n} f32`,
    flops: 2 * n ** 3,
    baseline: 'tfjs-cpu',
    lanes: [
      matmulLane<ax.Array>('addax-cpu', n, ax.fromTyped, ax.matmul),
      matmulLane<tf.Tensor>('tfjs-cpu', n, tf.tensor2d, (a, b) => tf.matMul(a, b)),
    ],
  }));
}
