import * as ax from '@addax/core';
import { checkBroadcastsTo, checkFloatArray } from './check.js';

/** Resolves a possibly negative class axis of `x`, naming the loss on error. */
function classAxis(where: string, axis: number, x: ax.Array): number {
  if (!Number.isInteger(axis) || axis < -x.ndim || axis >= x.ndim) {
    throw new ax.ParameterError(`${where}: axis ${axis} is out of range for logits ${x.aval.describe()}`);
  }
  return axis < 0 ? axis + x.ndim : axis;
}

/**
 * The cross entropy between `softmax(logits)` and the distributions `labels` (one-hot rows or
 * probabilities) along `axis`: `-sum(labels * logSoftmax(logits), axis)`, computed stably through
 * `logSoftmax` (optax's `softmax_cross_entropy`). Returns the loss of each example, of the logits'
 * shape without `axis`; take the mean yourself. `labels` must broadcast to the logits' shape.
 *
 * @example
 * ```ts
 * const logits = ax.array([[1.2, -0.8, -0.5], [0.9, -1.2, 1.1]]);
 * const labels = ax.array([[1, 0, 0], [0, 1, 0]]);
 * nn.softmaxCrossEntropy(logits, labels); // [0.2761, 2.9518]
 * ```
 */
export const softmaxCrossEntropy = ax.op(
  (logits: ax.Array, labels: ax.ArrayLike, axis: number = -1): ax.Array => {
    const where = 'softmaxCrossEntropy';
    checkFloatArray(where, 'logits', logits);
    const at = classAxis(where, axis, logits);
    checkBroadcastsTo(where, 'labels', labels, logits);
    return ax.negative(ax.sum(ax.multiply(labels, ax.logSoftmax(logits, at)), at));
  },
);

/**
 * {@link softmaxCrossEntropy} with integer class labels instead of one-hot rows (optax's
 * `softmax_cross_entropy_with_integer_labels`): `logsumexp(logits, axis) - logits[label]`, without
 * normalising every logit. `labels` is int32 or uint32 with the logits' shape less `axis`. A label
 * in `[-n, 0)` counts from the end, as in JAX's indexing; one outside `[-n, n)` gives NaN.
 *
 * @example
 * ```ts
 * const logits = ax.array([[1.2, -0.8, -0.5], [0.9, -1.2, 1.1]]);
 * nn.softmaxCrossEntropyWithIntegerLabels(logits, ax.array([0, 1], 'int32')); // [0.2761, 2.9518]
 * ```
 */
export const softmaxCrossEntropyWithIntegerLabels = ax.op(
  (logits: ax.Array, labels: ax.Array, axis: number = -1): ax.Array => {
    const where = 'softmaxCrossEntropyWithIntegerLabels';
    checkFloatArray(where, 'logits', logits);
    const at = classAxis(where, axis, logits);
    if (!(labels instanceof ax.Array) || (labels.dtype !== 'int32' && labels.dtype !== 'uint32')) {
      const got = labels instanceof ax.Array ? labels.aval.describe() : typeof labels;
      throw new ax.DTypeError(
        `${where}: labels must be an int32 or uint32 array of class indices, got ${got}`,
      );
    }
    const expected = logits.shape.filter((_, i) => i !== at);
    if (labels.shape.join() !== expected.join()) {
      throw new ax.ShapeError(
        `${where}: labels ${labels.aval.describe()} must have the shape of logits ${logits.aval.describe()} without axis ${at}, [${expected.join(', ')}]`,
      );
    }
    const picked = ax.takeAlongAxis(logits, ax.expandDims(labels, at), at);
    return ax.subtract(ax.logsumexp(logits, at), ax.squeeze(picked, at));
  },
);

/**
 * The elementwise cross entropy of independent binary predictions (optax's
 * `sigmoid_binary_cross_entropy`): `-labels * logSigmoid(logits) - (1 - labels) * logSigmoid(-logits)`,
 * stable for large logits of either sign. `labels` (0/1 or probabilities) must broadcast to the
 * logits' shape; the result has that shape.
 *
 * @example
 * ```ts
 * nn.sigmoidBinaryCrossEntropy(ax.array([0, 2]), ax.array([1, 0])); // [0.6931, 2.1269]
 * ```
 */
export const sigmoidBinaryCrossEntropy = ax.op((logits: ax.Array, labels: ax.ArrayLike): ax.Array => {
  const where = 'sigmoidBinaryCrossEntropy';
  checkFloatArray(where, 'logits', logits);
  checkBroadcastsTo(where, 'labels', labels, logits);
  const y = ax.astype(labels, 'float32');
  const positive = ax.multiply(y, ax.logSigmoid(logits));
  const negative = ax.multiply(ax.subtract(1, y), ax.logSigmoid(ax.negative(logits)));
  return ax.negative(ax.add(positive, negative));
});
