import * as ax from '@addax/core';
import * as nn from '@addax/nn';
import * as tf from '@tensorflow/tfjs-core';
import { MODELS, type ModelName } from '../../../examples/optdigits/src/models.js';
import { stepFunction } from '../../../examples/optdigits/src/train.js';
import { ADDAX_JIT_BACKENDS, lanesOn, TFJS_BACKENDS, useAddaxBackend, useTfBackend } from '../backends.js';
import { randomFloats } from '../data.js';
import { tfCnn, tfMlp, tfTrainStep, type TfModel } from '../tfjs-models.js';
import type { Entry, Prepared } from '../types.js';

const PIXELS = 64;
const CLASSES = 10;
const LEARNING_RATE = 1e-3;

/** A seeded batch: pixels in [0, 1) and labels 0..9, the same for every lane. */
function batchData(batch: number): { pixels: Float32Array; labels: Int32Array } {
  return {
    pixels: randomFloats(batch * PIXELS, 3).map((v) => (v + 1) / 2),
    labels: Int32Array.from(randomFloats(batch, 4), (v) => Math.floor(((v + 1) / 2) * CLASSES)),
  };
}

function disposeReplaced(old: unknown, next: unknown): void {
  const kept = new Set(ax.tree.leaves(next));
  for (const leaf of ax.tree.leaves(old)) if (!kept.has(leaf)) (leaf as ax.Array).dispose();
}

/**
 * The `prepare` of the example's own train step (its `stepFunction`: vmapped loss, valueAndGrad,
 * Adam) on `model`, jitted; a run is one step, the new layer and optimizer state replacing the old.
 * A fresh `jit` per prepare, so its trace is in the warm-up, not the timed runs.
 */
export function addaxStep(model: ModelName, batch: number): () => Prepared {
  return () => {
    const { pixels, labels } = batchData(batch);
    const x = ax.fromTyped(pixels, [batch, PIXELS]);
    const y = ax.fromTyped(labels, [batch]);
    const key = ax.random.key(0);
    let layer = MODELS[model]().init(key, new ax.ShapeDtype([PIXELS], 'float32')) as nn.Layer;
    const optimizer = nn.adam(LEARNING_RATE);
    let optState = optimizer.init(layer);
    const step = ax.jit(stepFunction(optimizer));
    return {
      run: () => {
        const result = ax.tidy(() => step(layer, optState, x, y, key));
        disposeReplaced([layer, optState], [result.layer, result.optState]);
        ({ layer, optState } = result);
        result.loss.dataSync();
        result.loss.dispose();
      },
      dispose: () => {
        for (const leaf of ax.tree.leaves([layer, optState, x, y, key])) (leaf as ax.Array).dispose();
      },
    };
  };
}

/** The `prepare` of the same model's step in tfjs on the current tfjs backend. */
function tfStep(model: () => TfModel, batch: number): () => Prepared {
  return () => {
    const { pixels, labels } = batchData(batch);
    const x = tf.tensor2d(pixels, [batch, PIXELS]);
    const y = tf.tidy(() =>
      tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES), 'float32'),
    ) as tf.Tensor2D;
    const { step, dispose } = tfTrainStep(model(), LEARNING_RATE);
    return {
      run: () => {
        const loss = step(x, y);
        loss.dataSync();
        loss.dispose();
      },
      dispose: () => {
        dispose();
        x.dispose();
        y.dispose();
      },
    };
  };
}

/**
 * One training step (forward, backward, Adam) of the optdigits job's MLP and CNN at batch 128: the
 * example's jitted step on each Addax backend against the same model in tfjs (`tf.variableGrads`,
 * `tf.train.adam`) on each tfjs backend (baseline tfjs-backend-cpu; compare addax-webgl-jit with
 * tfjs-webgl for WebGL).
 *
 * @example
 * ```ts
 * trainStepEntries(); // MLP and CNN: addax-jit, addax-webgl-jit, addax-gpujs-jit, tfjs-cpu, tfjs-wasm, tfjs-webgl
 * ```
 */
export function trainStepEntries(batch = 128): Entry[] {
  const entry = (label: string, model: ModelName, tfModel: () => TfModel, slow: boolean): Entry => ({
    suite: 'train-step',
    name: `optdigits ${label} step, batch ${batch}, Adam`,
    baseline: 'tfjs-cpu',
    // tfjs-cpu's CNN step takes seconds (its conv gradients are naive loops).
    ...(slow ? { measure: { warmup: 1, minRuns: 3, minTimeMs: 0, rounds: 1 } } : {}),
    lanes: [
      ...lanesOn(ADDAX_JIT_BACKENDS, useAddaxBackend, addaxStep(model, batch)),
      ...lanesOn(TFJS_BACKENDS, useTfBackend, tfStep(tfModel, batch)),
    ],
  });
  return [entry('MLP', 'mlp', tfMlp, false), entry('CNN', 'cnn', tfCnn, true)];
}
