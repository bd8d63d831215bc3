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

/**
 * One step of gradient descent on the mean softmax cross-entropy, with the gradient written out by
 * hand: d(loss)/d(logits) = (softmax(logits) - onehot) / batch.
 */
export function sgdStep(
  params: Params,
  x: ax.Array,
  labels: ax.Array,
  lr: number,
): { params: Params; loss: ax.Array } {
  return ax.tidy(() => {
    const batch = x.shape[0]!;
    const targets = ax.oneHot(labels, params.w.shape[1]!);
    const logProbs = ax.logSoftmax(logits(params, x), -1);
    const loss = ax.mean(ax.sum(logProbs.mul(targets), -1)).neg();
    const dLogits = ax.exp(logProbs).sub(targets).div(batch);
    const gw = ax.matmul(ax.transpose(x), dLogits);
    const gb = ax.sum(dLogits, 0);
    return { params: { w: params.w.sub(gw.mul(lr)), b: params.b.sub(gb.mul(lr)) }, loss };
  });
}

/** The fraction of `labels` that `params` predicts right. */
export async function accuracy(params: Params, x: ax.Array, labels: ax.Array): Promise<number> {
  const correct = ax.tidy(() => ax.sum(ax.equal(ax.argmax(logits(params, x), -1), labels).astype('int32')));
  const n = (await correct.data())[0]!;
  correct.dispose();
  return n / labels.size;
}
