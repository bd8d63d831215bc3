import { randomFloats } from './data.js';
import type { Prepared } from './types.js';

/** What a lane holds of its library's: a float32 tensor that can be read back and freed. */
export interface Tensorish {
  dataSync(): unknown;
  dispose(): void;
}

/**
 * The `prepare` of a lane running `op` on seeded float32 inputs of the given shapes (input `i` from
 * seed `i + 1`), so every library computes on the same values and each run does the same work: the
 * result, read back, then freed.
 *
 * @example
 * ```ts
 * seededOp([[n, n], [n, n]], tf.tensor, (a, b) => tf.matMul(a, b));
 * ```
 */
export function seededOp<T extends Tensorish>(
  shapes: readonly number[][],
  make: (data: Float32Array, shape: number[]) => T,
  op: (...inputs: T[]) => T,
): () => Prepared {
  const size = (shape: number[]): number => shape.reduce((p, d) => p * d, 1);
  return () => {
    const inputs = shapes.map((shape, i) => make(randomFloats(size(shape), i + 1), shape));
    return {
      run: () => {
        const out = op(...inputs);
        out.dataSync();
        out.dispose();
      },
      dispose: () => {
        for (const x of inputs) x.dispose();
      },
    };
  };
}
