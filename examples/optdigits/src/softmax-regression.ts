import * as ax from '@addax/core';

/** A linear classifier's parameters: `w` is `[64, 10]`, `b` is `[10]`. */
export interface Params {
  readonly w: ax.Array;
  readonly b: ax.Array;
}

export function initParams(key: ax.Array, inputs: number, classes: number): Params {
  return ax.tidy(() => ({ w: ax.random.normal(key, [inputs, classes]).mul(0.01), b: ax.zeros([classes]) }));
}

export function logits(params: Params, x: ax.Array): ax.Array {
  return ax.tidy(() => ax.matmul(x, params.w).add(params.b));
}

/** The mean softmax cross-entropy of `params` on a batch. */
export function loss(params: Params, x: ax.Array, labels: ax.Array): ax.Array {
  const targets = ax.oneHot(labels, params.w.shape[1]!);
  const logProbs = ax.logSoftmax(logits(params, x), -1);
  return ax.mean(ax.sum(logProbs.mul(targets), -1)).neg();
}

/**
 * One step of gradient descent: `valueAndGrad` differentiates the loss, `jit` traces the whole step
 * once per batch shape and replays it (the last, smaller batch of an epoch is a second program).
 */
export const sgdStep = ax.jit(
  (params: Params, x: ax.Array, labels: ax.Array, lr: number): { params: Params; loss: ax.Array } => {
    const [value, grads] = ax.valueAndGrad(loss)(params, x, labels);
    const update = ax.tree.map((p, g) => (p as ax.Array).sub((g as ax.Array).mul(lr)), params, grads);
    return { params: update, loss: value };
  },
  { staticArgnums: 3 },
);

/** The fraction of `labels` that `params` predicts right. */
export async function accuracy(params: Params, x: ax.Array, labels: ax.Array): Promise<number> {
  const correct = ax.tidy(() => ax.sum(ax.equal(ax.argmax(logits(params, x), -1), labels).astype('int32')));
  const n = (await correct.data())[0]!;
  correct.dispose();
  return n / labels.size;
}
