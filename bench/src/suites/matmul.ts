import * as ax from '@addax/core';
import * as tf from '@tensorflow/tfjs-core';
import { randomFloats } from '../data.js';
import type { Entry, Lane } from '../types.js';

function addaxLane(n: number): Lane {
  return {
    name: 'addax-cpu',
    prepare: () => {
      const a = ax.fromTyped(randomFloats(n * n, 1), [n, n]);
      const b = ax.fromTyped(randomFloats(n * n, 2), [n, n]);
      return {
        run: () => {
          const c = ax.matmul(a, b);
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

function tfjsLane(n: number): Lane {
  return {
    name: 'tfjs-cpu',
    prepare: () => {
      const a = tf.tensor2d(randomFloats(n * n, 1), [n, n]);
      const b = tf.tensor2d(randomFloats(n * n, 2), [n, n]);
      return {
        run: () => {
          const c = tf.matMul(a, b);
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
    lanes: [addaxLane(n), tfjsLane(n)],
  }));
}
