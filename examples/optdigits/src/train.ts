import * as ax from '@addax/core';
import * as nn from '@addax/nn';
import { PIXELS, type DigitSet } from './data.js';

/** A split of the data on the backend: images `[n, 64]`, labels `[n]`. */
export interface Uploaded {
  readonly x: ax.Array;
  readonly y: ax.Array;
}

/** `set` as arrays on the current backend. */
export function upload(set: DigitSet): Uploaded {
  return { x: ax.array(set.images, { shape: [set.count, PIXELS] }), y: ax.array(set.labels) };
}

/** What one training step returns: the layer with new parameters and state, the optimizer's state, the loss. */
export interface StepResult<S extends nn.OptimizerState> {
  readonly layer: nn.Layer;
  readonly optState: S;
  readonly loss: ax.Array;
}

/** The network on a batch, one example at a time through `vmap` (so BatchNorm sees the batch). */
function batchLoss(layer: nn.Layer, x: ax.Array, labels: ax.Array, key: ax.Array): [ax.Array, nn.Layer] {
  const keys = ax.random.split(key, x.shape[0]!);
  const [logits, updated] = ax.vmap(
    (xi: ax.Array, ki: ax.Array) => layer.callAndUpdate(xi, { rng: ki, training: true }),
    { outAxes: [0, null] },
  )(x, keys) as [ax.Array, nn.Layer];
  return [ax.mean(nn.softmaxCrossEntropyWithIntegerLabels(logits, labels)), updated];
}

/**
 * One step of training: the mean loss of a vmapped batch, its gradient with respect to the layer
 * (state included, whose gradient is zero), and the optimizer's update. The layer that comes back
 * carries the state the batch moved (BatchNorm's running averages). {@link trainStep} jits it.
 */
export function stepFunction<S extends nn.OptimizerState>(
  optimizer: nn.Optimizer<S>,
): (layer: nn.Layer, optState: S, x: ax.Array, labels: ax.Array, key: ax.Array) => StepResult<S> {
  return (layer, optState, x, labels, key) => {
    const [[loss, updated], grads] = ax.valueAndGrad(batchLoss, { hasAux: true })(layer, x, labels, key) as [
      [ax.Array, nn.Layer],
      nn.Layer,
    ];
    const [updates, next] = optimizer.update(grads, optState, layer);
    return { layer: nn.applyUpdates(updated, updates), optState: next, loss };
  };
}

/** {@link stepFunction}, jitted: traced once per batch shape, then replayed. */
export function trainStep<S extends nn.OptimizerState>(
  optimizer: nn.Optimizer<S>,
): (layer: nn.Layer, optState: S, x: ax.Array, labels: ax.Array, key: ax.Array) => StepResult<S> {
  return ax.jit(stepFunction(optimizer));
}

/** The predicted class of every row of `x`, in inference mode (no dropout, BatchNorm's running averages). */
export const predict = ax.jit((layer: nn.Layer, x: ax.Array) =>
  ax.argmax(ax.vmap((xi: ax.Array) => layer.call(xi, { training: false }))(x), -1),
);

/** The fraction of `labels` that `layer` predicts right. */
export async function accuracy(layer: nn.Layer, { x, y }: Uploaded): Promise<number> {
  const correct = ax.tidy(() => ax.sum(ax.equal(predict(layer, x), y).astype('int32')));
  const n = (await correct.data())[0]!;
  correct.dispose();
  return n / y.size;
}

/** Settings of {@link fit}. */
export interface FitOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly seed: number;
  /** Called after every step. */
  readonly onStep?: (epoch: number, step: number, steps: number) => void;
  /** Called after every epoch with its mean training loss and the test accuracy. */
  readonly onEpoch?: (epoch: number, loss: number, testAccuracy: number) => void;
}

/** Frees the leaves of `old` that `next` does not hold. */
function disposeReplaced(old: unknown, next: unknown): void {
  const kept = new Set(ax.tree.leaves(next));
  for (const leaf of ax.tree.leaves(old)) if (!kept.has(leaf)) (leaf as ax.Array).dispose();
}

/**
 * Trains `template` with Adam on shuffled batches of `train` for `epochs` epochs (the last batch
 * of an epoch may be smaller), and returns the trained layer.
 */
export async function fit(
  template: nn.AnyTemplate,
  train: Uploaded,
  test: Uploaded,
  { epochs, learningRate, batchSize, seed, onStep, onEpoch }: FitOptions,
): Promise<nn.Layer> {
  const count = train.y.size;
  const steps = Math.ceil(count / batchSize);
  const [initKey, dataKey] = ax.tidy(() => ax.random.unstackKeys(ax.random.split(ax.random.key(seed))));
  let key = dataKey!;
  let layer = template.init(initKey!, new ax.ShapeDtype([PIXELS], 'float32')) as nn.Layer;
  initKey!.dispose();
  const optimizer = nn.adam(learningRate);
  let optState = optimizer.init(layer);
  const step = trainStep(optimizer);

  for (let epoch = 1; epoch <= epochs; epoch++) {
    const [next, shuffleKey, ...stepKeys] = ax.tidy(() =>
      ax.random.unstackKeys(ax.random.split(key, steps + 2)),
    );
    key.dispose();
    key = next!;
    const order = (await ax.random.permutation(shuffleKey!, count).data()) as Int32Array;
    shuffleKey!.dispose();
    let lossSum = 0;
    for (let s = 0; s < steps; s++) {
      const result = ax.tidy(() => {
        const idx = ax.array(order.subarray(s * batchSize, (s + 1) * batchSize));
        return step(layer, optState, ax.take(train.x, idx, 0), ax.take(train.y, idx, 0), stepKeys[s]!);
      });
      stepKeys[s]!.dispose();
      disposeReplaced([layer, optState], [result.layer, result.optState]);
      ({ layer, optState } = result);
      lossSum += (await result.loss.data())[0]!;
      result.loss.dispose();
      onStep?.(epoch, s + 1, steps);
    }
    onEpoch?.(epoch, lossSum / steps, await accuracy(layer, test));
  }
  key.dispose();
  return layer;
}
