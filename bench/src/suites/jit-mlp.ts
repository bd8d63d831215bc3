import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import { randomFloats } from '../data.js';
import { useAddaxBackend } from '../backends.js';
import type { Entry, Lane } from '../types.js';

interface Params {
  readonly w1: ax.Array;
  readonly b1: ax.Array;
  readonly w2: ax.Array;
  readonly b2: ax.Array;
}

/** An MLP `input -> hidden (relu) -> classes` trained on batches of `batch`. */
interface MlpSize {
  readonly batch: number;
  readonly input: number;
  readonly hidden: number;
  readonly classes: number;
}

type Step = (p: Params, x: ax.Array, labels: ax.Array) => [Params, ax.Array];

/** The CPU reference without its fusion compiler, so jit runs one kernel per equation there. */
const UNFUSED = 'cpu-unfused';

function trainStep(classes: number): Step {
  const loss = (p: Params, x: ax.Array, labels: ax.Array): ax.Array => {
    const hidden = ax.relu(ax.matmul(x, p.w1).add(p.b1));
    const logits = ax.matmul(hidden, p.w2).add(p.b2);
    return ax.logSoftmax(logits, -1).mul(ax.oneHot(labels, classes)).sum().neg().div(x.shape[0]!);
  };
  return (p, x, labels) => {
    const [value, grads] = ax.valueAndGrad(loss)(p, x, labels);
    const update = (w: unknown, g: unknown): ax.Array => (w as ax.Array).sub((g as ax.Array).mul(0.01));
    return [ax.tree.map(update, p, grads), value];
  };
}

function disposeAll(tree: unknown): void {
  for (const leaf of ax.tree.leaves(tree)) (leaf as ax.Array).dispose();
}

/**
 * One way of running the train step on `backend`: every lane starts from the same seeded params
 * and batch; a run is one step (the new params replace and free the old ones, the loss is read).
 */
function mlpLane(
  name: string,
  backend: string,
  step: Step,
  { batch, input, hidden, classes }: MlpSize,
): Lane {
  return {
    name,
    // The default backend too: the step's own constants are made there.
    setup: () => useAddaxBackend(backend),
    prepare: () => {
      const put = (data: Float32Array | Int32Array, shape: number[]): ax.Array =>
        ax.tidy(() => ax.devicePut(ax.fromTyped(data, shape), backend));
      const scaled = (n: number, seed: number, scale: number): Float32Array =>
        randomFloats(n, seed).map((v) => v * scale);
      let params: Params = {
        w1: put(scaled(input * hidden, 1, 1 / Math.sqrt(input)), [input, hidden]),
        b1: put(new Float32Array(hidden), [hidden]),
        w2: put(scaled(hidden * classes, 2, 1 / Math.sqrt(hidden)), [hidden, classes]),
        b2: put(new Float32Array(classes), [classes]),
      };
      const x = put(randomFloats(batch * input, 3), [batch, input]);
      const labels = put(
        Int32Array.from(randomFloats(batch, 4), (v) => Math.floor(((v + 1) / 2) * classes)),
        [batch],
      );
      return {
        run: () => {
          const [next, value] = ax.tidy(() => step(params, x, labels));
          value.dataSync();
          value.dispose();
          disposeAll(params);
          params = next;
        },
        dispose: () => disposeAll([params, x, labels]),
      };
    },
  };
}

/**
 * A train step of an MLP (valueAndGrad of softmax cross-entropy, SGD update) on the CPU backend:
 * jit with fused fragments and jit running every equation's kernel, against eager evaluation.
 * Flops count the three matmuls per layer (forward, and the two of the backward pass).
 *
 * @example
 * ```ts
 * jitMlpEntries(); // one entry: addax-eager (baseline), addax-jit, addax-jit-unfused
 * ```
 */
export function jitMlpEntries(
  sizes: readonly MlpSize[] = [{ batch: 128, input: 64, hidden: 128, classes: 10 }],
): Entry[] {
  if (!ax.listBackends().some((b) => b.name === UNFUSED)) {
    ax.registerBackend(UNFUSED, () => ({ ...createCpuBackend({ name: UNFUSED }), fusion: undefined }));
  }
  return sizes.map((size) => {
    const step = trainStep(size.classes);
    const { batch, input, hidden, classes } = size;
    return {
      suite: 'jit-mlp',
      name: `train step ${input}-${hidden}-${classes}, batch ${batch}`,
      flops: 3 * 2 * batch * (input * hidden + hidden * classes),
      baseline: 'addax-eager',
      lanes: [
        mlpLane('addax-eager', 'cpu', step, size),
        mlpLane('addax-jit', 'cpu', ax.jit(step), size),
        mlpLane('addax-jit-unfused', UNFUSED, ax.jit(step), size),
      ],
    };
  });
}
