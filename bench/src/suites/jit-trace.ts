import * as ax from '@addax/core';
import * as nn from '@addax/nn';
import { MODELS, type ModelName } from '../../../examples/optdigits/src/models.js';
import { stepFunction } from '../../../examples/optdigits/src/train.js';
import { useAddaxBackend } from '../backends.js';
import { randomFloats } from '../data.js';
import type { Entry, Lane } from '../types.js';

const BATCH = 128;
const PIXELS = 64;

/**
 * What a run of a lane does with the example's jitted train step: `steady` calls one jit made in
 * `prepare`; `first-call` calls a fresh jit (trace + compile + one step); `lower` only traces a
 * fresh jit (`Jitted.lower`). Fresh jits drop their cache after the run. The parameters are not
 * updated between runs (every run is the same first step).
 */
type Mode = 'steady' | 'first-call' | 'lower';

function lane(mode: Mode, model: ModelName): Lane {
  return {
    name: mode,
    setup: () => useAddaxBackend('cpu'),
    prepare: () => {
      const x = ax.fromTyped(randomFloats(BATCH * PIXELS, 3), [BATCH, PIXELS]);
      const y = ax.fromTyped(
        Int32Array.from({ length: BATCH }, (_, i) => i % 10),
        [BATCH],
      );
      const key = ax.random.key(0);
      const layer = MODELS[model]().init(key, new ax.ShapeDtype([PIXELS], 'float32')) as nn.Layer;
      const optimizer = nn.adam(1e-3);
      const optState = optimizer.init(layer);
      const steady = ax.jit(stepFunction(optimizer));
      return {
        run: () => {
          const step = mode === 'steady' ? steady : ax.jit(stepFunction(optimizer));
          if (mode === 'lower') {
            step.lower(layer, optState, x, y, key);
          } else {
            const result = ax.tidy(() => step(layer, optState, x, y, key));
            result.loss.dataSync();
            const kept = new Set(ax.tree.leaves([layer, optState]));
            for (const leaf of ax.tree.leaves(result)) if (!kept.has(leaf)) (leaf as ax.Array).dispose();
          }
          if (step !== steady) step.clearCache();
        },
        dispose: () => {
          steady.clearCache();
          for (const leaf of ax.tree.leaves([layer, optState, x, y, key])) (leaf as ax.Array).dispose();
        },
      };
    },
  };
}

/**
 * `jit` trace + compile time of the optdigits train step (batch 128): the first call of a fresh
 * jit against a steady call (the baseline), trace + compile being the difference of the medians,
 * and the trace alone (`lower`), which is not hidden in the step's run-to-run noise.
 *
 * @example
 * ```ts
 * jitTraceEntries(); // MLP and CNN entries: steady, first-call, lower
 * ```
 */
export function jitTraceEntries(): Entry[] {
  return (['mlp', 'cnn'] as const).map((model) => ({
    suite: 'jit-trace',
    name: `optdigits ${model.toUpperCase()} train step, batch ${BATCH}`,
    baseline: 'steady',
    measure: { warmup: 1, minRuns: 8, minTimeMs: 0, rounds: 1 },
    lanes: [lane('steady', model), lane('first-call', model), lane('lower', model)],
  }));
}
