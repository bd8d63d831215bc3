import * as ax from '@addax/core';
import * as tf from '@tensorflow/tfjs-core';
import { ADDAX_BACKENDS, lanesOn, TFJS_BACKENDS, useAddaxBackend, useTfBackend } from '../backends.js';
import { randomFloats } from '../data.js';
import type { Entry, Prepared } from '../types.js';
import type { Tensorish } from '../seeded-op.js';

/**
 * `ops` dependent adds of a small vector (each sum is the next add's input and the previous sum is
 * freed), the last read back: the cost is the library's per-op dispatch, not the arithmetic.
 */
function addChain<T extends Tensorish>(
  ops: number,
  size: number,
  make: (data: Float32Array, shape: number[]) => T,
  add: (a: T, b: T) => T,
): () => Prepared {
  return () => {
    const a = make(randomFloats(size, 1), [size]);
    const b = make(randomFloats(size, 2), [size]);
    return {
      run: () => {
        let acc = add(a, b);
        for (let i = 1; i < ops; i++) {
          const next = add(acc, b);
          acc.dispose();
          acc = next;
        }
        acc.dataSync();
        acc.dispose();
      },
      dispose: () => {
        a.dispose();
        b.dispose();
      },
    };
  };
}

/**
 * Eager per-op overhead: 10,000 adds of 16-element float32 vectors, in microseconds per op, each
 * Addax backend against each tfjs backend (baseline tfjs-backend-cpu; addax-webgl against
 * tfjs-webgl for the same backend on WebGL).
 *
 * @example
 * ```ts
 * eagerOverheadEntries(); // one entry: addax-cpu, addax-webgl, addax-gpujs, tfjs-cpu, tfjs-wasm, tfjs-webgl
 * ```
 */
export function eagerOverheadEntries(ops = 10_000, size = 16): Entry[] {
  return [
    {
      suite: 'eager-overhead',
      name: `${ops} dependent adds of ${size} f32`,
      opsPerRun: ops,
      baseline: 'tfjs-cpu',
      lanes: [
        ...lanesOn(ADDAX_BACKENDS, useAddaxBackend, addChain(ops, size, ax.fromTyped, ax.add)),
        ...lanesOn(
          TFJS_BACKENDS,
          useTfBackend,
          addChain(ops, size, tf.tensor, (a, b) => tf.add(a, b)),
        ),
      ],
    },
  ];
}
