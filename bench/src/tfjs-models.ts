import * as tf from '@tensorflow/tfjs-core';
import './tfjs-gradients.js';
import { randomFloats } from './data.js';

/** A model's forward pass in training mode on a batch `[n, 64]`, returning logits `[n, 10]`. */
export interface TfModel {
  readonly variables: tf.Variable[];
  readonly logits: (x: tf.Tensor2D) => tf.Tensor2D;
}

function variable(shape: number[], fanIn: number, seed: number): tf.Variable {
  const values = randomFloats(
    shape.reduce((p, d) => p * d, 1),
    seed,
  ).map((v) => v / Math.sqrt(fanIn));
  return tf.variable(tf.tensor(values, shape));
}

const zeros = (n: number): tf.Variable => tf.variable(tf.zeros([n]));
const ones = (n: number): tf.Variable => tf.variable(tf.ones([n]));

/** The example's MLP in tfjs: Dense 256, ReLU, Dropout 0.2, Dense 10. */
export function tfMlp(): TfModel {
  const [w1, b1, w2, b2] = [variable([64, 256], 64, 1), zeros(256), variable([256, 10], 256, 2), zeros(10)];
  return {
    variables: [w1, b1, w2, b2],
    logits: (x) => {
      const hidden = tf.dropout(tf.relu(tf.add(tf.matMul(x, w1), b1)), 0.2);
      return tf.add(tf.matMul(hidden, w2), b2);
    },
  };
}

/**
 * The example's CNN in tfjs: Conv 32 3x3 SAME, BatchNorm (batch statistics; the running averages,
 * two 32-element updates, are not kept), ReLU, MaxPool 2, Conv 64 3x3 SAME, ReLU, MaxPool 2, Dense 10.
 */
export function tfCnn(): TfModel {
  const c1 = variable([3, 3, 1, 32], 9, 1);
  const c1b = zeros(32);
  const [gamma, beta] = [ones(32), zeros(32)];
  const c2 = variable([3, 3, 32, 64], 9 * 32, 2);
  const c2b = zeros(64);
  const d = variable([256, 10], 256, 3);
  const db = zeros(10);
  return {
    variables: [c1, c1b, gamma, beta, c2, c2b, d, db],
    logits: (x) => {
      const images = tf.reshape(x, [-1, 8, 8, 1]) as tf.Tensor4D;
      const h1 = tf.add(tf.conv2d(images, c1 as tf.Tensor4D, 1, 'same'), c1b) as tf.Tensor4D;
      const { mean, variance } = tf.moments(h1, [0, 1, 2]);
      const normed = tf.batchNorm(h1, mean, variance, beta, gamma, 1e-5);
      const p1 = tf.maxPool(tf.relu(normed) as tf.Tensor4D, 2, 2, 'valid');
      const h2 = tf.relu(tf.add(tf.conv2d(p1, c2 as tf.Tensor4D, 1, 'same'), c2b)) as tf.Tensor4D;
      const p2 = tf.maxPool(h2, 2, 2, 'valid');
      return tf.add(tf.matMul(tf.reshape(p2, [-1, 256]), d), db);
    },
  };
}

/**
 * One Adam step of `model` on the mean softmax cross-entropy of a batch, through `tf.variableGrads`;
 * returns the loss.
 *
 * @example
 * ```ts
 * const step = tfTrainStep(tfMlp(), 1e-3); step(x, oneHotLabels).dataSync();
 * ```
 */
export function tfTrainStep(
  model: TfModel,
  learningRate: number,
): { step: (x: tf.Tensor2D, labels: tf.Tensor2D) => tf.Scalar; dispose: () => void } {
  const optimizer = tf.train.adam(learningRate);
  return {
    step: (x, labels) =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => tf.losses.softmaxCrossEntropy(labels, model.logits(x)),
          model.variables,
        );
        optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
        return value;
      }),
    dispose: () => {
      optimizer.dispose();
      for (const v of model.variables) v.dispose();
    },
  };
}
