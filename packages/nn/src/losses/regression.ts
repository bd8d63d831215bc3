import * as ax from '@addax/core';
import { checkFloatArray, checkSameShape } from './check.js';

function error(where: string, predictions: ax.Array, targets: ax.Array | undefined): ax.Array {
  checkFloatArray(where, 'predictions', predictions);
  if (targets === undefined) return predictions;
  if (!(targets instanceof ax.Array)) {
    throw new ax.ParameterError(`${where}: targets must be an array, got ${typeof targets}`);
  }
  checkSameShape(where, predictions, 'predictions', targets, 'targets');
  return ax.subtract(predictions, targets);
}

/**
 * The elementwise squared error `(predictions - targets)^2` (optax's `squared_error`); without
 * targets, `predictions^2`. Predictions are float32 and targets of the same shape.
 *
 * @example
 * ```ts
 * nn.squaredError(ax.array([1, 2]), ax.array([0, 4])); // [1, 4]
 * ```
 */
export const squaredError = ax.op((predictions: ax.Array, targets?: ax.Array): ax.Array =>
  ax.square(error('squaredError', predictions, targets)),
);

/**
 * Half the elementwise squared error, `0.5 * (predictions - targets)^2` (optax's `l2_loss`, whose
 * gradient is the plain difference).
 *
 * @example
 * ```ts
 * nn.l2Loss(ax.array([1, 2]), ax.array([0, 4])); // [0.5, 2]
 * ```
 */
export const l2Loss = ax.op((predictions: ax.Array, targets?: ax.Array): ax.Array =>
  ax.multiply(ax.square(error('l2Loss', predictions, targets)), 0.5),
);

/**
 * The mean squared error of each example: the squared error averaged over every axis after the
 * first (the batch axis), so `[batch, ...]` inputs give `[batch]`. Inputs of rank 0 or 1 have no
 * trailing axes, and give the elementwise squared error. Take the mean of the result for the
 * batch's loss.
 *
 * @example
 * ```ts
 * nn.meanSquaredError(ax.array([[1, 2], [3, 3]]), ax.array([[0, 0], [3, 4]])); // [2.5, 0.5]
 * ```
 */
export const meanSquaredError = ax.op((predictions: ax.Array, targets: ax.Array): ax.Array => {
  const squared = ax.square(error('meanSquaredError', predictions, targets));
  if (squared.ndim <= 1) return squared;
  return ax.mean(
    squared,
    [...squared.shape.keys()].filter((a) => a > 0),
  );
});
