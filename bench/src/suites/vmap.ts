import * as ax from '@addax/core';
import { useAddaxBackend } from '../backends.js';
import { randomFloats } from '../data.js';
import type { Entry, Lane } from '../types.js';

interface Params {
  readonly w1: ax.Array;
  readonly b1: ax.Array;
  readonly w2: ax.Array;
  readonly b2: ax.Array;
}

/** Log-probabilities of an MLP; written for one example `[64]`, it also takes a batch `[n, 64]`. */
const logProbs = (p: Params, x: ax.Array): ax.Array =>
  ax.logSoftmax(ax.matmul(ax.relu(ax.matmul(x, p.w1).add(p.b1)), p.w2).add(p.b2), -1);

type Batched = (p: Params, x: ax.Array) => ax.Array;

function lane(name: string, fn: Batched, batch: number): Lane {
  return {
    name,
    setup: () => useAddaxBackend('cpu'),
    prepare: () => {
      const put = (shape: number[], seed: number): ax.Array =>
        ax.fromTyped(
          randomFloats(
            shape.reduce((a, d) => a * d, 1),
            seed,
          ),
          shape,
        );
      const p = { w1: put([64, 256], 1), b1: put([256], 2), w2: put([256, 10], 3), b2: put([10], 4) };
      const x = put([batch, 64], 5);
      return {
        run: () => {
          const out = ax.tidy(() => fn(p, x));
          out.dataSync();
          out.dispose();
        },
        dispose: () => {
          for (const leaf of ax.tree.leaves([p, x])) (leaf as ax.Array).dispose();
        },
      };
    },
  };
}

/**
 * `vmap` of the per-example MLP against the same function given the batch directly (the baseline),
 * eager and jitted, batch 128: vmap's batching rules should cost next to nothing.
 *
 * @example
 * ```ts
 * vmapEntries(); // eager and jit entries: hand-batched, vmap
 * ```
 */
export function vmapEntries(batch = 128): Entry[] {
  const vmapped: Batched = (p, x) => ax.vmap(logProbs, { inAxes: [null, 0] })(p, x) as ax.Array;
  const entry = (mode: string, wrap: (f: Batched) => Batched): Entry => ({
    suite: 'vmap',
    name: `MLP 64-256-10 log-probs, batch ${batch}, ${mode}`,
    baseline: 'hand-batched',
    lanes: [lane('hand-batched', wrap(logProbs), batch), lane('vmap', wrap(vmapped), batch)],
  });
  return [entry('eager', (f) => f), entry('jit', (f) => ax.jit(f))];
}
